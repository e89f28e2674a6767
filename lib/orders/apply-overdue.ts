import { sql, type SQL } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { closeOpenCharges, type ClosedCharge } from '@/lib/payments/close-open-charges';
import { deductForOverdueOrders, lockOpenDeposits, refundSettledSessionDeposits } from './deposit-money';
import type { LifecycleRules } from './rules';
import { instant, intArray } from './sql-values';

/**
 * The 24-hour rule's effects for orders that just went overdue: their lots become overdue,
 * the covering deposits are deducted, a session deposit's remaining balance goes back once
 * its owner has no other unpaid order in that auction, and each order is a strike against
 * its buyer.
 */
export async function applyOverdue(
  tx: Executor,
  orderIds: readonly number[],
  now: Date,
  rules: LifecycleRules,
): Promise<ClosedCharge[]> {
  const ids = intArray(orderIds);
  await tx.execute(sql`
    with changed as (
      update lots l set status = 'overdue', next_transition_at = null, updated_at = ${instant(now)}
      from orders o where o.id = any(${ids}) and l.id = o.lot_id and l.status = 'sold'
      returning l.id
    ), logged as (
      insert into lifecycle_events (entity, entity_id, from_status, to_status, event, at)
      select 'lot', id, 'sold', 'overdue', 'OVERDUE', ${instant(now)} from changed returning id
    ), notified as (
      insert into outbox (kind, payload)
      select 'notification', jsonb_build_object(
        'userId', o.user_id, 'kind', 'order_overdue', 'data', jsonb_build_object('orderId', o.id, 'orderNo', o.order_no))
      from orders o where o.id = any(${ids}) returning id
    )
    select count(*) from changed`);
  // Every deposit this may touch is locked up front in one id-ordered statement, so a
  // settlement locking the same session deposits cannot deadlock with it.
  await lockOpenDeposits(
    tx,
    sql`d.id in (select o.deposit_id from orders o where o.id = any(${ids}))
      or (d.kind = 'session' and (d.user_id, d.auction_id) in (select o.user_id, o.auction_id from orders o where o.id = any(${ids})))`,
  );
  await deductForOverdueOrders(tx, ids, now);
  await refundSettledSessionDeposits(
    tx,
    sql`select o.user_id, o.auction_id from orders o where o.id = any(${ids})`,
    'orders_settled',
    now,
  );
  await countStrikes(tx, ids, now, rules);
  return closeOpenCharges(tx, orderIds, now);
}

/**
 * One strike per overdue order. The buyer whose strikes reach the limit is blocked from
 * bidding as of the deadline of the order that reached it, and told so through the outbox.
 */
async function countStrikes(tx: Executor, ids: SQL, now: Date, rules: LifecycleRules) {
  await tx.execute(sql`
    with counted as (
      select o.user_id, count(*)::int as n from orders o where o.id = any(${ids}) group by o.user_id
    ), before as (
      select u.id, u.strikes, u.bidding_blocked_at, c.n from users u join counted c on c.user_id = u.id
      order by u.id for update of u
    ), bumped as (
      update users u set
        strikes = b.strikes + b.n,
        bidding_blocked_at = case when b.bidding_blocked_at is null and b.strikes + b.n >= ${rules.strikeLimit}::int then (
          select o.overdue_at from orders o where o.id = any(${ids}) and o.user_id = u.id
          order by o.overdue_at, o.id offset greatest(${rules.strikeLimit}::int - b.strikes, 1) - 1 limit 1
        ) else u.bidding_blocked_at end,
        updated_at = ${instant(now)}
      from before b where u.id = b.id
      returning u.id, u.strikes, b.bidding_blocked_at is null and u.bidding_blocked_at is not null as blocked
    )
    insert into outbox (kind, payload)
    select 'notification', jsonb_build_object('userId', id, 'kind', 'bidding_blocked', 'data', jsonb_build_object('strikes', strikes))
    from bumped where blocked`);
}
