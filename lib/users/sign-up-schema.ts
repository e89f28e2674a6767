import { z } from 'zod';
import { normalizeEmail, normalizePhone } from '@/lib/auth/identifier';

/** Shared by the sign-up form (client) and the sign-up action (server). Messages are i18n keys. */
const signUpFields = z.object({
    name: z.string().trim().min(1, 'validation.nameRequired').max(30, 'validation.nameTooLong'),
    phone: z
      .string()
      .transform((value, ctx) => normalizePhone(value) ?? (ctx.addIssue({ code: 'custom', message: 'validation.phoneInvalid' }), z.NEVER)),
    email: z
      .string()
      .trim()
      .optional()
      .transform((value, ctx) => {
        if (!value) return null;
        return normalizeEmail(value) ?? (ctx.addIssue({ code: 'custom', message: 'validation.emailInvalid' }), z.NEVER);
      }),
    // bcrypt reads at most 72 bytes; a longer password would be silently truncated.
    password: z.string().min(8, 'validation.passwordTooShort').max(72, 'validation.passwordTooLong'),
    confirmPassword: z.string(),
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
  identifier: z.string().trim().min(1, 'validation.identifierRequired').max(100, 'validation.identifierRequired'),
  password: z.string().min(1, 'validation.passwordRequired').max(200, 'validation.passwordRequired'),
  callbackUrl: z.string().optional(),
});

export type SignInInput = z.input<typeof signInSchema>;
