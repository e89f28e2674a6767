import 'server-only';
import type { Executor } from '@/db';
import { users } from '@/db/schema';
import { UNKNOWN_CLIENT } from '@/lib/auth/client-ip';
import { hashPassword } from '@/lib/auth/password';
import { consumeRateLimit } from '@/lib/rate-limit/consume';
import { AppError, isUniqueViolation } from '@/lib/errors';
import type { SignUpData } from './sign-up-schema';

export const SIGN_UP_WINDOW_MS = 15 * 60 * 1000;
/** Sign-ups per client in the window: "this phone is taken" answers whether it is registered. */
export const MAX_SIGN_UPS_PER_CLIENT = 10;
/**
 * Sign-ups in the window from callers whose address no trusted proxy names: they share one
 * bucket, so it is wider, bounding probing without stopping a busy hour's sign-ups.
 */
export const MAX_SIGN_UPS_UNKNOWN_CLIENTS = 60;

/**
 * Creates a buyer account. A phone or email already taken is a field error, not a 500.
 * The client's attempt is counted first, before the costly hash. `ip` is null when no
 * trusted proxy names the client.
 */
export async function signUpBuyer({
  db,
  input,
  ip,
  now,
}: {
  db: Executor;
  input: SignUpData;
  ip: string | null;
  now: Date;
}) {
  await consumeRateLimit(db, {
    key: `signup:${ip ?? UNKNOWN_CLIENT}`,
    now,
    windowMs: SIGN_UP_WINDOW_MS,
    limit: ip ? MAX_SIGN_UPS_PER_CLIENT : MAX_SIGN_UPS_UNKNOWN_CLIENTS,
  });
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
      throw new AppError('VALIDATION', 'Phone already registered', {
        fieldErrors: { phone: ['validation.phoneTaken'] },
      });
    }
    if (isUniqueViolation(error, 'users_email_key')) {
      throw new AppError('VALIDATION', 'Email already registered', {
        fieldErrors: { email: ['validation.emailTaken'] },
      });
    }
    throw error;
  }
}
