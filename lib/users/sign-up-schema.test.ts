import { describe, expect, it } from 'vitest';
import { signUpSchema } from './sign-up-schema';

const valid = { name: '林一', phone: '+86 139 1234 5678', email: '', password: 'longenough', confirmPassword: 'longenough' };

describe('signUpSchema', () => {
  it('normalises a valid sign-up', () => {
    expect(signUpSchema.parse(valid)).toMatchObject({ name: '林一', phone: '13912345678', email: null });
  });

  it('reports every bad field at once, as message keys', () => {
    const result = signUpSchema.safeParse({ name: ' ', phone: '123', email: 'nope', password: 'short', confirmPassword: 'other' });
    expect(result.success).toBe(false);
    const messages = Object.fromEntries((result.error?.issues ?? []).map((issue) => [issue.path.join('.'), issue.message]));
    expect(messages).toEqual({
      name: 'validation.nameRequired',
      phone: 'validation.phoneInvalid',
      email: 'validation.emailInvalid',
      password: 'validation.passwordTooShort',
      confirmPassword: 'validation.passwordsDiffer',
    });
  });

  it('refuses hostile shapes without throwing', () => {
    for (const input of [null, 42, [], { ...valid, phone: { $ne: '' } }, { ...valid, password: 'x'.repeat(100), confirmPassword: 'x'.repeat(100) }]) {
      expect(signUpSchema.safeParse(input).success).toBe(false);
    }
  });
});
