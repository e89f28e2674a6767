import { and, eq, sql } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { lots, orders, userCoupons } from '@/db/schema';
import { refundDeposits, refundSettledSessionDeposits } from '@/lib/lifecycle/deposit-money';
import { recordChanges } from '@/lib/lifecycle/events';

/**
 * PAY on an order, guarded on pending_payment so that a payment racing the 24-hour rule
 * either wins here or loses to the tick, never both. Releases deposits: the order's lot
 * deposit at once, a frozen session deposit once its owner has nothing left to pay.
 */
export async function markOrderPaid(tx: Executor, orderId: number, userId: number, now: Date): Promise<boolean> {
  const [order] = await tx
    .update(orders)
    .set({ status: 'paid', paidAt: now, nextTransitionAt: null })
    .where(and(eq(orders.id, orderId), eq(orders.userId, userId), eq(orders.status, 'pending_payment')))
    .returning();
  if (!order) return false;
  await recordChanges(tx, 'order', [{ id: order.id, from: 'pending_payment', to: 'paid', event: 'PAY' }], now, userId);
  const paidLots = await tx
    .update(lots)
    .set({ status: 'paid' })
    .where(and(eq(lots.id, order.lotId), eq(lots.status, 'sold')))
    .returning({ id: lots.id });
  await recordChanges(tx, 'lot', paidLots.map(({ id }) => ({ id, from: 'sold', to: 'paid', event: 'PAY' })), now, userId);
  await tx
    .update(userCoupons)
    .set({ status: 'used', usedAt: now })
    .where(and(eq(userCoupons.orderId, order.id), eq(userCoupons.status, 'locked')));
  await refundDeposits(tx, sql`d.id = ${order.depositId} and d.kind = 'lot'`, 'order_paid', now);
  await refundSettledSessionDeposits(tx, sql`values (${order.userId}::int, ${order.auctionId}::int)`, 'orders_settled', now);
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
