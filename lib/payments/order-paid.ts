import { and, eq, getTableColumns, sql } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { lots, orders, userCoupons } from '@/db/schema';
import { openChargeOf, orderContextOf } from '@/lib/lifecycle/advance-orders';
import { refundDeposits, refundSettledSessionDeposits } from '@/lib/lifecycle/deposit-money';
import { recordChanges } from '@/lib/lifecycle/events';
import type { LifecycleRules } from '@/lib/lifecycle/rules';
import { effectiveOrderStatus, orderEvent } from '@/machines/order';

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
    .select({ ...getTableColumns(orders), openCharge: openChargeOf('orders') })
    .from(orders)
    .where(and(eq(orders.id, orderId), eq(orders.userId, userId)))
    .for('update');
  if (!order) return false;
  const context = orderContextOf(order, rules);
  if (!orderEvent(effectiveOrderStatus(order.status, context, now), context, { type: 'PAY', now, paidAt }))
    return false;
  const [paid] = await tx
    .update(orders)
    .set({ status: 'paid', paidAt, nextTransitionAt: null })
    .where(and(eq(orders.id, order.id), eq(orders.status, order.status)))
    .returning({ id: orders.id });
  if (!paid) return false;
  await recordChanges(tx, 'order', [{ id: order.id, from: order.status, to: 'paid', event: 'PAY' }], now, userId);
  const paidLots = await tx
    .update(lots)
    .set({ status: 'paid' })
    .where(and(eq(lots.id, order.lotId), eq(lots.status, 'sold')))
    .returning({ id: lots.id });
  await recordChanges(
    tx,
    'lot',
    paidLots.map(({ id }) => ({ id, from: 'sold', to: 'paid', event: 'PAY' })),
    now,
    userId,
  );
  await tx
    .update(userCoupons)
    .set({ status: 'used', usedAt: now })
    .where(and(eq(userCoupons.orderId, order.id), eq(userCoupons.status, 'locked')));
  await refundDeposits(tx, sql`d.id = ${order.depositId} and d.kind = 'lot'`, 'order_paid', now);
  await refundSettledSessionDeposits(
    tx,
    sql`values (${order.userId}::int, ${order.auctionId}::int)`,
    'orders_settled',
    now,
  );
  return true;
}

/** A payment that failed or was dropped gives its coupon back to the buyer's wallet. */
export async function releaseOrderCoupon(tx: Executor, orderId: number) {
  await tx
    .update(userCoupons)
    .set({ status: 'available', orderId: null })
    .where(and(eq(userCoupons.orderId, orderId), eq(userCoupons.status, 'locked')));
  await tx
    .update(orders)
    .set({ couponDiscount: 0 })
    .where(and(eq(orders.id, orderId), eq(orders.status, 'pending_payment')));
}
