import { and, eq, getTableColumns, sql } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { orders, userCoupons } from '@/db/schema';
import { refundDeposits } from '@/lib/deposits/refund-deposits';
import { settleSessionDeposits } from '@/lib/deposits/settle-session-deposits';
import { lotTransitions } from '@/lib/lots/transitions';
import { orderContextOf, orderMachineColumns } from '@/lib/orders/machine-context';
import { logChangedRows } from '@/lib/sql/lifecycle-events';
import { instant } from '@/lib/sql/values';
import { recordChanges } from '@/lib/sql/lifecycle-events';
import type { LifecycleRules } from '@/lib/engine/rules';
import { effectiveOrderStatus, nextOrderTransitionAt, orderEvent } from '@/machines/order';

/**
 * PAY on an order, decided by its machine at `now` (whatever the tick has stored) with the
 * provider's `paidAt`: accepted while the order is pending_payment or confirming_payment and
 * the money was taken by dueAt. The order row is locked, so a payment racing the tick either
 * wins here or loses to it, never both. Releases deposits: the order's lot deposit at once,
 * a frozen session deposit once its owner has nothing left to pay.
 */
export async function markOrderPaid(
  tx: Executor,
  {
    orderId,
    userId,
    paidAt,
    now,
    rules,
  }: { orderId: number; userId: number; paidAt: Date; now: Date; rules: LifecycleRules },
): Promise<boolean> {
  const [order] = await tx
    .select({ ...getTableColumns(orders), ...orderMachineColumns })
    .from(orders)
    .where(and(eq(orders.id, orderId), eq(orders.userId, userId)))
    .for('update');
  if (!order) return false;
  const context = orderContextOf(order, rules);
  const step = orderEvent(effectiveOrderStatus(order.status, context, now), context, { type: 'PAY', now, paidAt });
  if (!step) return false;
  const to = step.to as typeof order.status;
  const [paid] = await tx
    .update(orders)
    .set({ status: to, paidAt, nextTransitionAt: nextOrderTransitionAt(to, context) })
    .where(and(eq(orders.id, order.id), eq(orders.status, order.status)))
    .returning({ id: orders.id });
  if (!paid) return false;
  await recordChanges(tx, 'order', [{ id: order.id, from: order.status, to, event: step.event }], now, userId);
  const { pay } = lotTransitions;
  await tx.execute(sql`
    with target as (select l.id, l.status from lots l where l.id = ${order.lotId} and ${pay.accepts} for update),
    changed as (
      update lots l set status = ${pay.to}, updated_at = ${instant(now)} from target t where l.id = t.id
      returning l.id, t.status::text as from_status, l.status::text as to_status
    )
    ${logChangedRows({ entity: 'lot', event: 'PAY', at: now, actorId: userId })}`);
  await tx
    .update(userCoupons)
    .set({ status: 'used', usedAt: now })
    .where(and(eq(userCoupons.orderId, order.id), eq(userCoupons.status, 'locked')));
  await refundDeposits(tx, { selection: { lotDepositsOfOrders: [order.id] }, reason: 'order_paid', now });
  await settleSessionDeposits(tx, { selection: { ownersOfOrders: [order.id] }, reason: 'orders_settled', now });
  return true;
}

/** A payment that failed or was dropped gives its coupon back to the buyer's wallet. */
export async function releaseOrderCoupon(tx: Executor, { orderId }: { orderId: number }) {
  await tx
    .update(userCoupons)
    .set({ status: 'available', orderId: null })
    .where(and(eq(userCoupons.orderId, orderId), eq(userCoupons.status, 'locked')));
  await tx
    .update(orders)
    .set({ couponDiscount: 0 })
    .where(and(eq(orders.id, orderId), eq(orders.status, 'pending_payment')));
}
