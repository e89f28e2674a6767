import { and, asc, eq, gt, lt, lte, sql } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { coupons, userCoupons, type Coupon } from '@/db/schema';

export type ClaimableCoupon = Pick<
  Coupon,
  'id' | 'title' | 'threshold' | 'discount' | 'validFrom' | 'validUntil' | 'auctionId'
> & {
  /** How many more this buyer may claim now: their own limit left, at most what is left in all. */
  claimableByUser: number;
};

/** The coupon centre: active coupons within their window and not sold out, soonest to expire first. */
export async function listClaimableCoupons({
  db,
  now,
  userId,
}: {
  db: Executor;
  now: Date;
  userId: number;
}): Promise<ClaimableCoupon[]> {
  const claimed = db.$count(userCoupons, and(eq(userCoupons.couponId, coupons.id), eq(userCoupons.userId, userId)));
  return db
    .select({
      id: coupons.id,
      title: coupons.title,
      threshold: coupons.threshold,
      discount: coupons.discount,
      validFrom: coupons.validFrom,
      validUntil: coupons.validUntil,
      auctionId: coupons.auctionId,
      claimableByUser: sql<number>`greatest(least(${coupons.perUserLimit} - ${claimed}, ${coupons.totalQuantity} - ${coupons.issuedCount}), 0)::int`,
    })
    .from(coupons)
    .where(
      and(
        eq(coupons.status, 'active'),
        lte(coupons.validFrom, now),
        gt(coupons.validUntil, now),
        lt(coupons.issuedCount, coupons.totalQuantity),
      ),
    )
    .orderBy(asc(coupons.validUntil), asc(coupons.id));
}
