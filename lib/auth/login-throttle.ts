import { and, count, eq, gt } from 'drizzle-orm';
import type { Executor } from '@/db';
import { loginAttempts } from '@/db/schema';
import { AppError } from '@/lib/errors';

/** Failures counted within this window. */
export const THROTTLE_WINDOW_MS = 15 * 60 * 1000;
/** Failed sign-ins per account in the window before the account is paused. */
export const MAX_FAILURES_PER_ACCOUNT = 5;
/** Failed sign-ins per IP in the window (one IP may serve many people, e.g. an office). */
export const MAX_FAILURES_PER_IP = 20;

/** Refuses with RATE_LIMITED when the account or the IP has failed too often recently. */
export async function assertNotThrottled({ db, identifier, ip, now }: { db: Executor; identifier: string; ip: string; now: Date }) {
  const since = new Date(now.getTime() - THROTTLE_WINDOW_MS);
  const failures = (column: typeof loginAttempts.identifier | typeof loginAttempts.ip, value: string) =>
    db
      .select({ n: count() })
      .from(loginAttempts)
      .where(and(eq(column, value), eq(loginAttempts.succeeded, false), gt(loginAttempts.attemptedAt, since)))
      .then((rows) => rows[0]?.n ?? 0);
  const [byAccount, byIp] = await Promise.all([failures(loginAttempts.identifier, identifier), failures(loginAttempts.ip, ip)]);
  if (byAccount >= MAX_FAILURES_PER_ACCOUNT || byIp >= MAX_FAILURES_PER_IP) {
    throw new AppError('RATE_LIMITED', 'Too many sign-in attempts', { retryAfterSeconds: THROTTLE_WINDOW_MS / 1000 });
  }
}

export async function recordLoginAttempt({
  db,
  identifier,
  ip,
  now,
  succeeded,
}: {
  db: Executor;
  identifier: string;
  ip: string;
  now: Date;
  succeeded: boolean;
}) {
  await db.insert(loginAttempts).values({ identifier, ip, succeeded, attemptedAt: now });
}
