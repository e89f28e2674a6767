import { sql, type SQL } from 'drizzle-orm';
import { statusIn } from '@/lib/sql/machine-status';
import { intArray } from '@/lib/sql/values';
import { OPEN_LOT_STATUSES } from '@/machines/lot';
import { UNPAID_ORDER_STATUSES } from '@/machines/order';

/**
 * Which deposits a money verb acts on, said in domain terms; the SQL over alias `d` is built
 * here, beside the verbs, so no caller writes conditions against another file's alias.
 */
export type DepositSelection =
  | { depositIds: readonly number[] }
  /** Every deposit of these auctions. */
  | { auctionIds: readonly number[] }
  /** The lot deposits of these lots, but the winner's on a sold lot. */
  | { losingLotIds: readonly number[] }
  /** The deposits covering these orders, and their buyers' session deposits in those auctions. */
  | { ordersOf: readonly number[] }
  /** The lot deposits covering these orders. */
  | { lotDepositsOfOrders: readonly number[] }
  /** The session deposits of these orders' buyers in those orders' auctions. */
  | { ownersOfOrders: readonly number[] }
  /** The session deposits among another selection. */
  | { sessionsOf: DepositSelection }
  /** The session deposits of ended auctions among another selection. */
  | { endedSessionsOf: DepositSelection };

export function depositsWhere(selection: DepositSelection): SQL {
  if ('depositIds' in selection) return sql`d.id = any(${intArray(selection.depositIds)})`;
  if ('auctionIds' in selection) return sql`d.auction_id = any(${intArray(selection.auctionIds)})`;
  if ('losingLotIds' in selection) {
    return sql`d.lot_id = any(${intArray(selection.losingLotIds)})
      and d.user_id is distinct from (select l.winner_id from lots l where l.id = d.lot_id and l.status = 'sold')`;
  }
  if ('sessionsOf' in selection) return sql`d.kind = 'session' and (${depositsWhere(selection.sessionsOf)})`;
  if ('endedSessionsOf' in selection) {
    return sql`d.kind = 'session' and exists (select 1 from auctions a where a.id = d.auction_id and a.status = 'ended')
      and (${depositsWhere(selection.endedSessionsOf)})`;
  }
  if ('lotDepositsOfOrders' in selection) {
    return sql`d.kind = 'lot' and d.id in (select o.deposit_id from orders o where o.id = any(${intArray(selection.lotDepositsOfOrders)}))`;
  }
  if ('ordersOf' in selection) {
    const ids = intArray(selection.ordersOf);
    return sql`(d.id in (select o.deposit_id from orders o where o.id = any(${ids}))
      or (d.kind = 'session' and (d.user_id, d.auction_id) in (select o.user_id, o.auction_id from orders o where o.id = any(${ids}))))`;
  }
  return sql`d.kind = 'session' and (d.user_id, d.auction_id) in (
    select o.user_id, o.auction_id from orders o where o.id = any(${intArray(selection.ownersOfOrders)}))`;
}

/**
 * Still owed: its owner has an unpaid order the deposit answers for (any order in the auction
 * for a session deposit, the lot's order for a lot deposit). A charge the provider is still
 * confirming is unpaid too.
 */
/**
 * The deposit still backs its owner's bidding: it covers a lot that has not closed (by its
 * stored status: a lot past its end that the tick has not closed may still be won) on which
 * the owner has bid or holds an active proxy maximum. Refunding it would leave a winning bid
 * without the money the 24-hour rule deducts from.
 */
export const backsOpenBids = sql`exists (
  select 1 from lots l
  where (l.id = d.lot_id or (d.lot_id is null and l.auction_id = d.auction_id))
    and ${statusIn(sql`l.status`, OPEN_LOT_STATUSES)}
    and (exists (select 1 from bids b where b.lot_id = l.id and b.user_id = d.user_id)
      or exists (select 1 from proxy_bids p where p.lot_id = l.id and p.user_id = d.user_id and p.active)))`;

export const stillOwed = sql`exists (
  select 1 from orders o
  where o.user_id = d.user_id and o.auction_id = d.auction_id and (d.lot_id is null or o.lot_id = d.lot_id)
    and ${statusIn(sql`o.status`, UNPAID_ORDER_STATUSES)})`;
