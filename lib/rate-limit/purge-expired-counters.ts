import 'server-only';
import { sql } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { instant } from '@/lib/sql/values';

/** Sign-in failures and rate-limit windows older than a day matter to nobody; the tick route clears them. */
export async function purgeExpiredCounters({ db, now }: { db: Database; now: Date }) {
  const dayAgo = instant(new Date(now.getTime() - 86_400_000));
  await db.execute(sql`
    with attempts as (delete from login_attempts where attempted_at < ${dayAgo})
    delete from rate_limits where window_started_at < ${dayAgo}`);
}
