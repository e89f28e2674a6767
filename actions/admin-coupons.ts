'use server';

import { z } from 'zod';
import { adminAction } from '@/lib/actions/safe-action';
import { couponStatusSchema, buyerSearchSchema, grantCouponSchema } from '@/lib/coupons/admin-coupon-schemas';
import { createCoupon } from '@/lib/coupons/create-coupon';
import { couponEditSchema, couponFormSchema } from '@/lib/coupons/create-coupon-schema';
import { grantCouponEach } from '@/lib/coupons/grant-coupon-each';
import { setCouponStatus } from '@/lib/coupons/set-coupon-status';
import { updateCoupon } from '@/lib/coupons/update-coupon';
import { env } from '@/lib/env';
import { listUsers } from '@/lib/users/list-users';
import { pageRequest } from '@/lib/pagination';

// Lazy: the zone is read from the environment when an action runs, not when the build loads this file.
const couponForm = z.lazy(() => couponFormSchema(env().APP_TIME_ZONE));
const couponEdit = z.lazy(() => couponEditSchema(env().APP_TIME_ZONE));

export const createCouponAction = adminAction(couponForm, async (input, { db, now, user, ip }) => {
  const coupon = await createCoupon({ db, now, adminId: user.id, input, ip });
  return { couponId: coupon.id };
});

export const updateCouponAction = adminAction(couponEdit, async ({ couponId, coupon }, { db, now, user, ip }) => {
  await updateCoupon({ db, now, adminId: user.id, ip, couponId, input: coupon });
  return { couponId };
});

export const setCouponStatusAction = adminAction(couponStatusSchema, ({ couponId, status }, { db, now, user, ip }) =>
  setCouponStatus({ db, now, adminId: user.id, ip, couponId, status }),
);

export const grantCouponAction = adminAction(grantCouponSchema, ({ couponId, userIds }, { db, now, user, ip }) =>
  grantCouponEach({ db, now, adminId: user.id, ip, couponId, userIds }),
);

const PICKER_RESULTS = 10;

/** The grant form's buyer picker: buyers matching a name, phone or email. */
export const searchBuyersAction = adminAction(buyerSearchSchema, async ({ query }, { db }) => {
  const found = await listUsers({ db, page: pageRequest(1, PICKER_RESULTS), search: query, role: 'buyer' });
  return found.items.map(({ id, name, phone, email }) => ({ id, name, phone, email }));
});
