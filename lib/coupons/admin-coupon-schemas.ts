import { z } from 'zod';
import { boundedText } from '@/lib/validation/text';
import { recordId } from '@/lib/validation/record-id';

const id = recordId;

/** Disable or enable one coupon. */
export const couponStatusSchema = z.object({
  couponId: id,
  status: z.enum(['active', 'disabled'], 'validation.invalid'),
});

/** Grant one coupon to the buyers the operator picked (a page of search results at most). */
export const grantCouponSchema = z.object({
  couponId: id,
  userIds: z.array(id, 'validation.invalid').min(1, 'adminCoupons.pickUsers').max(50, 'adminCoupons.tooManyUsers'),
});

/** The buyer picker's search box. */
export const buyerSearchSchema = z.object({
  query: boundedText({ max: 60 }).pipe(z.string().min(1, 'validation.required')),
});
