import { sql } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { refundDeposits } from './deposit-money';
import { instant, intArray } from './sql-values';

/**
 * An auction has ended (every lot closed): 成交额 is the sum of deal prices; each session
 * deposit goes back at once if its owner has nothing left to pay in the auction, otherwise
 * it is frozen until their orders are settled.
 */
export async function settleEndedAuctions(tx: Executor, auctionIds: readonly number[], now: Date) {
  const ids = intArray(auctionIds);
  await tx.execute(sql`
    update auctions a set total_price = coalesce(
      (select sum(l.deal_price) from lots l where l.auction_id = a.id and l.status in ('sold', 'paid', 'overdue')), 0)
    where a.id = any(${ids})`);
  await refundDeposits(
    tx,
    sql`d.kind = 'session' and d.auction_id = any(${ids})
      and not exists (select 1 from orders o where o.user_id = d.user_id and o.auction_id = d.auction_id and o.status in ('pending_payment', 'confirming_payment'))`,
    'auction_won_nothing',
    now,
  );
  await tx.execute(sql`
    with frozen as (
      update deposits d set status = 'frozen', updated_at = ${instant(now)}
      where d.kind = 'session' and d.status = 'held' and d.auction_id = any(${ids})
      returning d.id
    )
    insert into lifecycle_events (entity, entity_id, from_status, to_status, event, at)
    select 'deposit', id, 'held', 'frozen', 'FREEZE', ${instant(now)} from frozen`);
}
