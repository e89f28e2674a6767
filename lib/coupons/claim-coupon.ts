import 'server-only';
import type { Database } from '@/db/client';
import type { UserCoupon } from '@/db/schema';
import { issueCoupons } from './issue-coupons';

/**
 * A buyer takes one coupon from the coupon centre. Refused with COUPON_EXHAUSTED (soldOut,
 * perUserLimit), COUPON_NOT_APPLICABLE (disabled, notStarted, expired) or NOT_FOUND.
 */
export async function claimCoupon({
  db,
  now,
  userId,
  couponId,
}: {
  db: Database;
  now: Date;
  userId: number;
  couponId: number;
}): Promise<UserCoupon> {
  const [claimed] = await db.transaction((tx) =>
    issueCoupons(tx, { couponId, userIds: [userId], source: 'claim', now }),
  );
  return claimed!;
}
