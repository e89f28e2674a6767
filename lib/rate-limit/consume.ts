import { sql } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { AppError } from '@/lib/errors';
import { instant } from '@/lib/sql/values';

export type RateLimit = { limit: number; windowMs: number };

/**
 * Counts one attempt against `key` in a fixed window kept in the database, so every server
 * instance shares it; refuses with RATE_LIMITED once the window's limit is used up.
 */
export async function consumeRateLimit(
  db: Executor,
  { key, now, limit, windowMs }: RateLimit & { key: string; now: Date },
) {
  const windowStart = instant(new Date(now.getTime() - windowMs));
  const result = await db.execute<{ count: number; window_started_at: Date | string }>(sql`
    insert into rate_limits (key, window_started_at, count) values (${key}, ${instant(now)}, 1)
    on conflict (key) do update set
      count = case when rate_limits.window_started_at <= ${windowStart} then 1 else rate_limits.count + 1 end,
      window_started_at = case when rate_limits.window_started_at <= ${windowStart} then ${instant(now)} else rate_limits.window_started_at end
    returning count, window_started_at`);
  const row = result.rows[0];
  if (row && row.count > limit) {
    const resetsAt = new Date(row.window_started_at).getTime() + windowMs;
    throw new AppError('RATE_LIMITED', `Too many attempts for ${key.split(':')[0]}, slow down`, {
      retryAfterSeconds: Math.max(1, Math.ceil((resetsAt - now.getTime()) / 1000)),
    });
  }
}

/** Gives back one attempt counted by consumeRateLimit, for limits that count only failures. */
export async function refundRateLimit(db: Executor, { keys }: { keys: readonly string[] }) {
  if (keys.length === 0) return;
  await db.execute(
    sql`update rate_limits set count = greatest(count - 1, 0) where key in (${sql.join(
      keys.map((key) => sql`${key}`),
      sql`, `,
    )})`,
  );
}
