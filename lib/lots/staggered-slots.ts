import 'server-only';
import { sql, type SQL } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { instant } from '@/lib/sql/values';

/**
 * Staggered closing, the one definition: the lot at rank n (by position, then id) closes
 * n × closing_interval_seconds after its auction's end. A CTE body selecting (id, ends_at)
 * for every lot of the auction; publishing writes it, and so does every later edit that
 * moves it (times, interval, order, lots added or removed), so the slots never drift.
 */
export function staggeredSlots(auctionId: number): SQL {
  return sql`select l.id, a.ends_at + (row_number() over (order by l.position, l.id) - 1) * a.closing_interval_seconds * interval '1 second' as ends_at
      from lots l join auctions a on a.id = l.auction_id where l.auction_id = ${auctionId}`;
}

/**
 * Rewrites the slots of a scheduled auction's lots after an edit, with the deadline the tick
 * polls (the auction's preview start, as publishing set it). Nothing is extended yet before
 * preview, so ends_at is the slot itself.
 */
export async function rescheduleLots(tx: Executor, { auctionId, now }: { auctionId: number; now: Date }) {
  await tx.execute(sql`
    with slots as (${staggeredSlots(auctionId)})
    update lots l set scheduled_ends_at = slots.ends_at, ends_at = slots.ends_at,
      next_transition_at = a.preview_starts_at, updated_at = ${instant(now)}
    from slots, auctions a
    where l.id = slots.id and a.id = l.auction_id and l.status = 'scheduled'`);
}
