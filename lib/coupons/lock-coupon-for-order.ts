import { and, eq } from 'drizzle-orm';
import type { Transaction } from '@/db/client';
import { coupons, userCoupons, type Order } from '@/db/schema';
import { couponNotApplicable, validityRefusal } from './coupon-rules';

/**
 * Locks one coupon of the buyer's wallet to an order being paid and returns its discount,
 * or refuses with COUPON_NOT_APPLICABLE and the reason. The wallet row is locked first, so
 * two payments reaching for the same coupon queue here and the second sees it taken.
 */
export async function lockCouponForOrder(
  tx: Transaction,
  {
    userId,
    userCouponId,
    order,
    now,
  }: {
    userId: number;
    userCouponId: number;
    order: Pick<Order, 'id' | 'auctionId' | 'dealPrice' | 'buyerPremium'>;
    now: Date;
  },
): Promise<number> {
  const [held] = await tx
    .select({ status: userCoupons.status, coupon: coupons })
    .from(userCoupons)
    .innerJoin(coupons, eq(coupons.id, userCoupons.couponId))
    // Another buyer's coupon is refused exactly like a missing one: ids reveal nothing.
    .where(and(eq(userCoupons.id, userCouponId), eq(userCoupons.userId, userId)))
    .for('update', { of: userCoupons });
  if (!held) throw couponNotApplicable('notFound');
  if (held.status !== 'available') throw couponNotApplicable('notAvailable');
  const { coupon } = held;
  const refusal = validityRefusal(coupon, now);
  if (refusal) throw couponNotApplicable(refusal);
  if (coupon.auctionId !== null && coupon.auctionId !== order.auctionId) throw couponNotApplicable('wrongAuction');
  if (order.dealPrice + order.buyerPremium < coupon.threshold) throw couponNotApplicable('belowThreshold');
  const locked = await tx
    .update(userCoupons)
    .set({ status: 'locked', orderId: order.id })
    .where(and(eq(userCoupons.id, userCouponId), eq(userCoupons.status, 'available')))
    .returning({ id: userCoupons.id });
  if (locked.length === 0) throw couponNotApplicable('notAvailable');
  return coupon.discount;
}
