import { sql } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { closeOpenCharges, type ClosedCharge } from '@/lib/payments/close-open-charges';
import { deductForOverdueOrders, refundSettledSessionDeposits } from './deposit-money';
import { instant, intArray } from './sql-values';

/**
 * The 24-hour rule's effects for orders that just went overdue: their lots become overdue,
 * the covering deposits are deducted, and a frozen session deposit's remaining balance goes
 * back once its owner has no other unpaid order in that auction.
 */
export async function applyOverdue(tx: Executor, orderIds: readonly number[], now: Date): Promise<ClosedCharge[]> {
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
  await deductForOverdueOrders(tx, ids, now);
  await refundSettledSessionDeposits(tx, sql`select o.user_id, o.auction_id from orders o where o.id = any(${ids})`, 'orders_settled', now);
  return closeOpenCharges(tx, orderIds, now);
}
