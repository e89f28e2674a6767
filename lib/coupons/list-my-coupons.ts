import { desc, eq } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { coupons, userCoupons, type Coupon, type UserCoupon } from '@/db/schema';
import { validityRefusal, type CouponReason } from './coupon-rules';

export type WalletCoupon = Pick<UserCoupon, 'id' | 'status' | 'source' | 'orderId' | 'usedAt' | 'createdAt'> & {
  coupon: Pick<Coupon, 'id' | 'title' | 'threshold' | 'discount' | 'validFrom' | 'validUntil' | 'auctionId'>;
  /** Whether it can be chosen when paying now (threshold and auction scope depend on the order). */
  usableNow: boolean;
  /** Why not, as a `couponReasons` key; null when usable. */
  unusableReason: Extract<CouponReason, 'notAvailable' | 'disabled' | 'notStarted' | 'expired'> | null;
};

/** A buyer's wallet, newest first. */
export async function listMyCoupons({
  db,
  now,
  userId,
}: {
  db: Executor;
  now: Date;
  userId: number;
}): Promise<WalletCoupon[]> {
  const rows = await db
    .select({ held: userCoupons, coupon: coupons })
    .from(userCoupons)
    .innerJoin(coupons, eq(coupons.id, userCoupons.couponId))
    .where(eq(userCoupons.userId, userId))
    .orderBy(desc(userCoupons.createdAt), desc(userCoupons.id));
  return rows.map(({ held, coupon }) => {
    const unusableReason = held.status !== 'available' ? 'notAvailable' : validityRefusal(coupon, now);
    return {
      id: held.id,
      status: held.status,
      source: held.source,
      orderId: held.orderId,
      usedAt: held.usedAt,
      createdAt: held.createdAt,
      coupon: {
        id: coupon.id,
        title: coupon.title,
        threshold: coupon.threshold,
        discount: coupon.discount,
        validFrom: coupon.validFrom,
        validUntil: coupon.validUntil,
        auctionId: coupon.auctionId,
      },
      usableNow: unusableReason === null,
      unusableReason,
    };
  });
}
