import type { Executor } from '@/db';
import { loginAttempts } from '@/db/schema';
import { consumeRateLimit, refundRateLimit } from '@/lib/rate-limit/consume';
import { UNKNOWN_CLIENT } from './client-ip';

/** Failures counted within this window. */
export const THROTTLE_WINDOW_MS = 15 * 60 * 1000;
/**
 * Failed sign-ins per account from one client before that client is paused for the account.
 * Per client, so a rival guessing from elsewhere cannot lock a bidder out before a lot closes.
 */
export const MAX_FAILURES_PER_ACCOUNT_CLIENT = 5;
/** Failed sign-ins per account from all clients together: the ceiling for a spread-out guesser. */
export const MAX_FAILURES_PER_ACCOUNT = 50;
/** Failed sign-ins per client across accounts (one address may serve many people, e.g. an office). */
export const MAX_FAILURES_PER_IP = 20;

/**
 * Counts one attempt against the account (`account`: the resolved user, or the identifier
 * when there is none, so phone and email of one user share a count) before its password is
 * checked, refusing with RATE_LIMITED once a limit is used up. Each count is one atomic
 * upsert, so parallel guesses cannot all read the same old count. Returns what to call when
 * the password was right: a success gives its attempt back, so only failures add up.
 */
export async function reserveLoginAttempt({
  db,
  account,
  ip,
  now,
}: {
  db: Executor;
  account: string;
  ip: string | null;
  now: Date;
}): Promise<() => Promise<void>> {
  const window = { windowMs: THROTTLE_WINDOW_MS };
  // Without a trusted address every caller would share the per-client buckets: a rival's five
  // guesses would lock the bidder out, or one guesser stop everybody's sign-in. Only the
  // per-account ceiling applies then.
  const buckets = [
    ...(ip ? [{ key: `login:account-client:${account}:${ip}`, limit: MAX_FAILURES_PER_ACCOUNT_CLIENT }] : []),
    { key: `login:account:${account}`, limit: MAX_FAILURES_PER_ACCOUNT },
    ...(ip ? [{ key: `login:client:${ip}`, limit: MAX_FAILURES_PER_IP }] : []),
  ];
  const counted: string[] = [];
  for (const { key, limit } of buckets) {
    await consumeRateLimit(db, { key, now, ...window, limit });
    counted.push(key);
  }
  return () => refundRateLimit(db, { keys: counted });
}

/** An audit row per evaluated sign-in. */
export async function recordLoginAttempt({
  db,
  account,
  ip,
  now,
  succeeded,
}: {
  db: Executor;
  account: string;
  ip: string | null;
  now: Date;
  succeeded: boolean;
}) {
  await db.insert(loginAttempts).values({ identifier: account, ip: ip ?? UNKNOWN_CLIENT, succeeded, attemptedAt: now });
}
