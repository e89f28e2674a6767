import { z } from 'zod';
import { normalizeEmail, normalizePhone } from '@/lib/auth/identifier';
import { boundedText } from '@/lib/validation/text';

/** RFC 5321's limit for a whole address; also keeps the unique index's rows small. */
export const EMAIL_MAX = 254;

/** A buyer's display name (昵称), as signed up with and as edited on the account page. */
export const displayNameSchema = boundedText({ max: 30, tooLong: 'validation.nameTooLong' }).min(
  1,
  'validation.nameRequired',
);

/** Shared by the sign-up form (client) and the sign-up action (server). Messages are i18n keys. */
const signUpFields = z.object({
  name: displayNameSchema,
  phone: boundedText({ max: 30, tooLong: 'validation.phoneInvalid' }).transform(
    (value, ctx) =>
      normalizePhone(value) ?? (ctx.addIssue({ code: 'custom', message: 'validation.phoneInvalid' }), z.NEVER),
  ),
  email: boundedText({ max: EMAIL_MAX, tooLong: 'validation.emailTooLong' })
    .optional()
    .transform((value, ctx) => {
      if (!value) return null;
      return normalizeEmail(value) ?? (ctx.addIssue({ code: 'custom', message: 'validation.emailInvalid' }), z.NEVER);
    }),
  // bcrypt reads at most 72 bytes; a longer password would be silently truncated.
  password: boundedText({ max: 72, trim: false, tooLong: 'validation.passwordTooLong' }).min(
    8,
    'validation.passwordTooShort',
  ),
  confirmPassword: boundedText({ max: 72, trim: false, tooLong: 'validation.passwordTooLong' }),
});

const bothPasswords = z.object({ password: z.string(), confirmPassword: z.string() });

export const signUpSchema = signUpFields.refine((value) => value.password === value.confirmPassword, {
  path: ['confirmPassword'],
  message: 'validation.passwordsDiffer',
  // Compare as soon as both passwords are there, so every error shows in one round.
  when: (payload) => bothPasswords.safeParse(payload.value).success,
});

export type SignUpInput = z.input<typeof signUpSchema>;
export type SignUpData = z.output<typeof signUpSchema>;

export const signInSchema = z.object({
  identifier: boundedText({ max: EMAIL_MAX, tooLong: 'validation.identifierTooLong' }).min(
    1,
    'validation.identifierRequired',
  ),
  password: boundedText({ max: 200, trim: false, tooLong: 'validation.passwordTooLong' }).min(
    1,
    'validation.passwordRequired',
  ),
  // Read through safeCallbackUrl, which falls back to the home page for anything unsafe; a
  // value too long to be one of our paths is dropped rather than refused.
  callbackUrl: z.string().max(2048).optional().catch(undefined),
});

export type SignInInput = z.input<typeof signInSchema>;
