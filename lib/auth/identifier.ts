import { z } from 'zod';

/** Mainland China mobile numbers; +86 / 0086 prefixes, spaces and dashes are accepted. */
const PHONE = /^1[3-9]\d{9}$/;

export type Identifier = { kind: 'email'; value: string } | { kind: 'phone'; value: string };

export function normalizePhone(input: string): string | null {
  const digits = input
    .normalize('NFKC')
    .replace(/[\s-]/g, '')
    .replace(/^(\+86|0086)/, '');
  return PHONE.test(digits) ? digits : null;
}

export function normalizeEmail(input: string): string | null {
  const email = input.normalize('NFKC').trim().toLowerCase();
  return z.email().safeParse(email).success ? email : null;
}

/** What a person types into "phone or email", in the form it is stored and looked up. */
export function parseIdentifier(input: string): Identifier | null {
  if (input.includes('@')) {
    const email = normalizeEmail(input);
    return email ? { kind: 'email', value: email } : null;
  }
  const phone = normalizePhone(input);
  return phone ? { kind: 'phone', value: phone } : null;
}
