import { sql } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { sweepableDeposit, sweepableFrom } from '@/lib/deposits/sweep-deposits';
import { instant } from '@/lib/sql/values';

/** What a tick has to do at `now`: due rows per lifecycle, deposits to sweep, sends waiting. */
export type DueWork = { auctions: number; lots: number; orders: number; deposits: boolean; outbox: boolean };

/**
 * One statement that tells whether the tick has anything to do, so a tick with nothing due
 * costs one round trip; every part reads an index (next_transition_at, deposits_open_idx,
 * the outbox's pending index).
 */
export async function dueWork(db: Executor, now: Date): Promise<DueWork> {
  const at = instant(now);
  const result = await db.execute<DueWork>(sql`
    select (select count(*) from auctions where next_transition_at <= ${at})::int as auctions,
           (select count(*) from lots where next_transition_at <= ${at})::int as lots,
           (select count(*) from orders where next_transition_at <= ${at})::int as orders,
           exists (select 1 from ${sweepableFrom} where ${sweepableDeposit}) as deposits,
           exists (select 1 from outbox where status = 'pending' and (locked_until is null or locked_until <= ${at})) as outbox`);
  const row = result.rows[0]!;
  const flag = (value: unknown) => value === true || value === 't';
  return {
    auctions: Number(row.auctions),
    lots: Number(row.lots),
    orders: Number(row.orders),
    deposits: flag(row.deposits),
    outbox: flag(row.outbox),
  };
}
