import fc from 'fast-check';

/** Fields the app's forms and routes know, so generated input reaches their parsers. */
const FORM_FIELDS = [
  'identifier',
  'password',
  'callbackUrl',
  'name',
  'phone',
  'email',
  'confirmPassword',
  'reference',
  'outcome',
  'type',
  'locale',
  'amount',
  'maxAmount',
  'auctionId',
  'lotId',
  'startsAt',
  'endsAt',
  'advanceMs',
  'freezeAt',
];
/** Fields no form has: a handler that stores what it is given would take these. */
const MASS_ASSIGNMENT_FIELDS = [
  'role',
  'userId',
  'user_id',
  'id',
  'status',
  'blocked',
  'isAdmin',
  'balance',
  'paidAt',
  'provider',
];

const SHARP_STRINGS = [
  '',
  ' ',
  '\u0000',
  'a\u0000b',
  '13800000001\u0000',
  'x\r\nSet-Cookie: stolen=1',
  '\t',
  '\u202Egnp.exe',
  '\u200B\uFEFF',
  '茶书与老茶',
  '😀🀄',
  '../../etc/passwd',
  '<script>alert(1)</script>',
  "' or 1=1 --",
  '%00%0d%0a',
  '\\\\evil.example',
  '//evil.example',
  '/\t/evil.example',
  'javascript:alert(1)',
  '{"$ne":null}',
  '__proto__',
  '13800000001',
  'bai@gavel.test',
  'seed-deposit-1',
];
const HUGE_STRINGS = [
  'a'.repeat(20_000),
  'a'.repeat(100_000),
  '茶'.repeat(30_000),
  '\u0000'.repeat(20_000),
  'x\r\n'.repeat(7_000),
];
const MONEY = [
  '-1',
  '-0.01',
  '0.001',
  '0.5',
  '-0',
  '1e309',
  'NaN',
  'Infinity',
  '¥-5',
  '9007199254740993',
  '1,000.00',
  '0x10',
  '１００',
];
const DATES = [
  '0000-01-01T00:00:00Z',
  '9999-12-31T23:59:59Z',
  '+275760-09-13T00:00:00.000Z',
  '-271821-04-20T00:00:00Z',
  '2026-02-30',
  '2026-13-01T25:61:00Z',
  'yesterday',
  '1e20',
];
const ENUMS = [
  'succeeded',
  'failed',
  'SUCCEEDED',
  'bogus',
  'admin',
  'buyer',
  'en',
  'zh-CN',
  'xx',
  'charge.succeeded',
  'charge.refunded',
  'live',
  'ended',
];

const controlMix = fc.string({
  unit: fc.constantFrom(
    '\u0000',
    '\r',
    '\n',
    '\t',
    '\u001B',
    '\u202E',
    '\u200B',
    '\uFEFF',
    'a',
    '茶',
    '😀',
    '\\',
    '/',
    '%',
    '<',
    '"',
    "'",
  ),
  maxLength: 30,
});

const hostileText: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(...SHARP_STRINGS),
  controlMix,
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.constantFrom(...MONEY),
  fc.double().map(String),
  fc.constantFrom(...DATES),
  fc.constantFrom(...ENUMS),
);

const wrongType: fc.Arbitrary<unknown> = fc.oneof(
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.array(hostileText, { maxLength: 3 }),
  fc.dictionary(fc.constantFrom(...FORM_FIELDS, ...MASS_ASSIGNMENT_FIELDS), hostileText, { maxKeys: 3 }),
);

const fieldName = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...FORM_FIELDS) },
  { weight: 3, arbitrary: fc.constantFrom(...MASS_ASSIGNMENT_FIELDS) },
  { weight: 1, arbitrary: fc.string({ maxLength: 12 }) },
);

/**
 * One argument as a client could post it: mostly an object of form fields, each a hostile
 * string or a value of the wrong type, at most one of them huge (so the body stays under
 * Next's 1 MB action limit, past which Next itself answers 500); sometimes no object at all.
 */
export const hostileArgument: fc.Arbitrary<unknown> = fc.oneof(
  {
    weight: 8,
    arbitrary: fc
      .tuple(
        fc.dictionary(fieldName, fc.oneof({ weight: 4, arbitrary: hostileText }, { weight: 1, arbitrary: wrongType }), {
          maxKeys: 8,
        }),
        fc.option(fc.tuple(fieldName, fc.constantFrom(...HUGE_STRINGS))),
      )
      .map(([fields, huge]) => (huge ? { ...fields, [huge[0]]: huge[1] } : fields)),
  },
  { weight: 1, arbitrary: wrongType },
  { weight: 1, arbitrary: hostileText },
);

/** Path segments and query values for GET fuzzing (URLs stay well under any header limit). */
export const hostileSegment: fc.Arbitrary<string> = fc.oneof(
  hostileText,
  fc.constantFrom('a'.repeat(2_000), '..', '%2e%2e', '0', '-1', '1.5', '99999999999999999999'),
);

export const hostileQuery: fc.Arbitrary<Record<string, string>> = fc.dictionary(fieldName, hostileText, { maxKeys: 5 });

/** What kinds of hostility an input holds, for the closing figures. */
export function inputKinds(arg: unknown): string[] {
  const kinds = new Set<string>();
  const visit = (value: unknown, key?: string) => {
    if (key && MASS_ASSIGNMENT_FIELDS.includes(key)) kinds.add('extra fields (mass assignment)');
    if (typeof value === 'string') {
      if (value.length >= 20_000) kinds.add('huge strings (20–100 kB)');
      if (/[\u0000-\u001F\u007F\u202E\u200B\uFEFF]/.test(value)) kinds.add('control characters');
      if (/[^\u0000-\u007F]/.test(value)) kinds.add('non-ASCII');
      if (MONEY.includes(value) || /^-?\d*\.\d+$|^-\d/.test(value)) kinds.add('negative or fractional money');
      if (DATES.includes(value)) kinds.add('dates out of range');
      if (ENUMS.includes(value)) kinds.add('enum values');
    } else if (Array.isArray(value)) {
      kinds.add('wrong types');
      value.forEach((item) => visit(item));
    } else if (value && typeof value === 'object') {
      if (key) kinds.add('wrong types');
      for (const [field, item] of Object.entries(value)) visit(item, field);
    } else if (key !== undefined || value !== undefined) {
      kinds.add('wrong types');
    }
  };
  // The app's actions and routes take an object of fields: anything else is the wrong type.
  if (!arg || typeof arg !== 'object' || Array.isArray(arg)) kinds.add('wrong types');
  visit(arg);
  return [...kinds];
}
