import type { Executor } from '@/db';
import { users } from '@/db/schema';
import { hashPassword } from '@/lib/auth/password';
import { AppError, isUniqueViolation } from '@/lib/errors';
import type { SignUpData } from './sign-up-schema';

/** Creates a buyer account. A phone or email already taken is a field error, not a 500. */
export async function signUpBuyer({ db, input }: { db: Executor; input: SignUpData }) {
  const passwordHash = await hashPassword(input.password);
  try {
    const [user] = await db
      .insert(users)
      .values({ name: input.name, phone: input.phone, email: input.email, passwordHash, role: 'buyer' })
      .returning({ id: users.id, name: users.name, role: users.role });
    if (!user) throw new Error('insert returned no row');
    return user;
  } catch (error) {
    if (isUniqueViolation(error, 'users_phone_key')) {
      throw new AppError('VALIDATION', 'Phone already registered', { fieldErrors: { phone: ['validation.phoneTaken'] } });
    }
    if (isUniqueViolation(error, 'users_email_key')) {
      throw new AppError('VALIDATION', 'Email already registered', { fieldErrors: { email: ['validation.emailTaken'] } });
    }
    throw error;
  }
}
