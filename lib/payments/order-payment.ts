import { and, eq, gt, isNull, lte, or, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Database } from '@/db/client';
import { coupons, orders, payments, userCoupons, type ShippingAddress } from '@/db/schema';
import { AppError } from '@/lib/errors';
import { boundedText } from '@/lib/validation/text';
import { effectiveOrderStatus } from '@/machines/order';
import { orderContextOf } from '@/lib/lifecycle/advance-orders';
import { DEFAULT_RULES } from '@/lib/lifecycle/rules';
import { markOrderPaid, releaseOrderCoupon } from './order-paid';
import type { PaymentProvider } from './provider';

export const shippingAddressSchema = z.object({
  recipient: boundedText({ max: 50 }).min(1, 'validation.required'),
  phone: boundedText({ max: 20 }).regex(/^1\d{10}$/, 'validation.phoneInvalid'),
  province: boundedText({ max: 30 }).min(1, 'validation.required'),
  city: boundedText({ max: 30 }).min(1, 'validation.required'),
  district: boundedText({ max: 30 }),
  detail: boundedText({ max: 200, multiline: true }).min(1, 'validation.required'),
}) satisfies z.ZodType<ShippingAddress>;

export type OrderPaymentStart = { paid: true } | { paid: false; paymentId: number; payUrl: string };

/**
 * Starts paying a buyer's own order before its due time, with a shipping address and at
 * most one coupon from their wallet. The coupon is locked to the order in the same
 * transaction and used when the charge succeeds (given back if it fails); an order the
 * coupon covers entirely is paid at once, without a charge.
 */
export async function startOrderPayment({ db, provider, userId, orderId, address, userCouponId, now }: { db: Database; provider: PaymentProvider; userId: number; orderId: number; address: ShippingAddress; userCouponId: number | null; now: Date }): Promise<OrderPaymentStart> {
  const prepared = await db.transaction(async (tx) => {
    const [order] = await tx.select().from(orders).where(and(eq(orders.id, orderId), eq(orders.userId, userId))).for('update');
    if (!order) throw new AppError('NOT_FOUND', 'No such order');
    if (effectiveOrderStatus(order.status, orderContextOf(order, DEFAULT_RULES), now) !== 'pending_payment') {
      throw new AppError('CONFLICT', 'This order can no longer be paid');
    }
    // A new attempt replaces an open one (its coupon comes back first).
    await tx.update(payments).set({ status: 'cancelled' }).where(and(eq(payments.orderId, order.id), eq(payments.status, 'pending')));
    await releaseOrderCoupon(tx, order.id);
    let discount = 0;
    if (userCouponId !== null) {
      const [held] = await tx
        .select({ wallet: userCoupons, coupon: coupons })
        .from(userCoupons)
        .innerJoin(coupons, eq(coupons.id, userCoupons.couponId))
        .where(
          and(
            eq(userCoupons.id, userCouponId),
            eq(userCoupons.userId, userId),
            eq(userCoupons.status, 'available'),
            eq(coupons.status, 'active'),
            lte(coupons.validFrom, now),
            gt(coupons.validUntil, now),
            lte(coupons.threshold, order.dealPrice + order.buyerPremium),
            or(isNull(coupons.auctionId), eq(coupons.auctionId, order.auctionId)),
          ),
        )
        .for('update', { of: userCoupons });
      if (!held) throw new AppError('CONFLICT', 'This coupon cannot be used on this order');
      await tx.update(userCoupons).set({ status: 'locked', orderId: order.id }).where(eq(userCoupons.id, held.wallet.id));
      discount = held.coupon.discount;
    }
    const [updated] = await tx.update(orders).set({ couponDiscount: discount, shippingAddress: address }).where(eq(orders.id, order.id)).returning();
    if (updated!.amountDue === 0) {
      await markOrderPaid(tx, order.id, userId, now);
      return null;
    }
    const [attempts] = await tx.select({ n: sql<number>`count(*)::int` }).from(payments).where(eq(payments.orderId, order.id));
    const [payment] = await tx
      .insert(payments)
      .values({ userId, purpose: 'order', orderId: order.id, amount: updated!.amountDue, provider: provider.name, idempotencyKey: `order:${order.id}:${(attempts?.n ?? 0) + 1}` })
      .returning();
    return { payment: payment!, orderNo: order.orderNo };
  });
  if (!prepared) return { paid: true };
  const charge = await provider.createCharge({ idempotencyKey: prepared.payment.idempotencyKey, amount: prepared.payment.amount, description: `订单 ${prepared.orderNo}` });
  await db.update(payments).set({ providerRef: charge.reference }).where(eq(payments.id, prepared.payment.id));
  return { paid: false, paymentId: prepared.payment.id, payUrl: charge.payUrl };
}
