'use server';

import { z } from 'zod';
import { recordId } from '@/lib/validation/record-id';
import { buyerAction } from '@/lib/actions/safe-action';
import { claimCoupon } from '@/lib/coupons/claim-coupon';

/** Takes one coupon from the coupon centre into the buyer's wallet. */
export const claimCouponAction = buyerAction(
  z.object({ couponId: recordId }),
  async ({ couponId }, { user, db, now }) => {
    const claimed = await claimCoupon({ db, now, userId: user.id, couponId });
    return { userCouponId: claimed.id };
  },
);
