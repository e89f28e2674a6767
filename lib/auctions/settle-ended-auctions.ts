import { sql } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { settleSessionDeposits } from './deposit-money';
import { intArray } from './sql-values';

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
  await settleSessionDeposits(tx, sql`d.auction_id = any(${ids})`, 'auction_won_nothing', now);
}
