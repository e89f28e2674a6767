import { eq } from 'drizzle-orm';
import type { Executor } from '@/db';
import { users, type User } from '@/db/schema';
import { AppError } from '@/lib/errors';
import { parseIdentifier } from './identifier';
import { recordLoginAttempt, reserveLoginAttempt } from './login-throttle';
import { DUMMY_HASH, verifyPassword } from './password';

export type SignedInUser = Pick<User, 'id' | 'name' | 'role'>;

/**
 * Checks a sign-in. Every refusal other than throttling is the same INVALID_CREDENTIALS, so
 * a caller cannot tell an unknown account from a wrong password or a blocked user; an
 * unknown account costs the same bcrypt check as a known one. `ip` is null when no trusted
 * proxy names the client.
 */
export async function verifyCredentials({
  db,
  identifier: rawIdentifier,
  password,
  ip,
  now,
}: {
  db: Executor;
  identifier: string;
  password: string;
  ip: string | null;
  now: Date;
}): Promise<SignedInUser> {
  const identifier = parseIdentifier(rawIdentifier);
  const [user] = identifier
    ? await db
        .select()
        .from(users)
        .where(identifier.kind === 'email' ? eq(users.email, identifier.value) : eq(users.phone, identifier.value))
        .limit(1)
    : [];
  const account = user
    ? `user:${user.id}`
    : identifier
      ? `${identifier.kind}:${identifier.value}`
      : `raw:${rawIdentifier.trim().toLowerCase()}`;
  const giveBack = await reserveLoginAttempt({ db, account, ip, now });

  const passwordOk = await verifyPassword(password, user?.passwordHash ?? DUMMY_HASH);
  const succeeded = Boolean(user && passwordOk && !user.blocked);
  await recordLoginAttempt({ db, account, ip, now, succeeded });
  if (!user || !succeeded) throw new AppError('INVALID_CREDENTIALS', 'Wrong phone/email or password');
  await giveBack();
  return { id: user.id, name: user.name, role: user.role };
}
