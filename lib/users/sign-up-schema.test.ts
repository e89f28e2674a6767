import { describe, expect, it } from 'vitest';
import { signInSchema, signUpSchema } from './sign-up-schema';

const valid = {
  name: '林一',
  phone: '+86 139 1234 5678',
  email: '',
  password: 'longenough',
  confirmPassword: 'longenough',
};

describe('signUpSchema', () => {
  it('normalises a valid sign-up', () => {
    expect(signUpSchema.parse(valid)).toMatchObject({ name: '林一', phone: '13912345678', email: null });
  });

  it('reports every bad field at once, as message keys', () => {
    const result = signUpSchema.safeParse({
      name: ' ',
      phone: '123',
      email: 'nope',
      password: 'short',
      confirmPassword: 'other',
    });
    expect(result.success).toBe(false);
    const messages = Object.fromEntries(
      (result.error?.issues ?? []).map((issue) => [issue.path.join('.'), issue.message]),
    );
    expect(messages).toEqual({
      name: 'validation.nameRequired',
      phone: 'validation.phoneInvalid',
      email: 'validation.emailInvalid',
      password: 'validation.passwordTooShort',
      confirmPassword: 'validation.passwordsDiffer',
    });
  });

  it('refuses hostile shapes without throwing', () => {
    for (const input of [
      null,
      42,
      [],
      { ...valid, phone: { $ne: '' } },
      { ...valid, password: 'x'.repeat(100), confirmPassword: 'x'.repeat(100) },
    ]) {
      expect(signUpSchema.safeParse(input).success).toBe(false);
    }
  });

  it('refuses control characters and oversized text as field errors', () => {
    const issues = (input: object) =>
      Object.fromEntries(
        (signUpSchema.safeParse({ ...valid, ...input }).error?.issues ?? []).map((issue) => [
          issue.path.join('.'),
          issue.message,
        ]),
      );
    expect(issues({ name: '林\u0000一' })).toEqual({ name: 'validation.controlCharacters' });
    expect(issues({ email: `${'a'.repeat(20_000)}@example.com` })).toEqual({ email: 'validation.emailTooLong' });
    expect(issues({ phone: '1'.repeat(5_000) })).toEqual({ phone: 'validation.phoneInvalid' });
    expect(issues({ password: 'long\u0000enough', confirmPassword: 'long\u0000enough' })).toMatchObject({
      password: 'validation.controlCharacters',
    });
  });
});

describe('signInSchema', () => {
  it('refuses a NUL byte or a huge identifier as field errors', () => {
    const issues = (input: object) =>
      (signInSchema.safeParse({ identifier: 'a@b.cn', password: 'pw', ...input }).error?.issues ?? []).map(
        (issue) => issue.message,
      );
    expect(issues({ identifier: '138\u00000000000' })).toEqual(['validation.controlCharacters']);
    expect(issues({ identifier: 'a'.repeat(20_000) })).toEqual(['validation.identifierTooLong']);
    expect(issues({ password: 'p'.repeat(201) })).toEqual(['validation.passwordTooLong']);
  });

  it('drops a callbackUrl too long to be one of our paths instead of refusing the sign-in', () => {
    expect(
      signInSchema.parse({ identifier: 'a@b.cn', password: 'pw', callbackUrl: `/${'a'.repeat(5000)}` }).callbackUrl,
    ).toBeUndefined();
  });
});
