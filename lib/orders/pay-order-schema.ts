import { z } from 'zod';
import { recordId } from '@/lib/validation/record-id';

/** The pay form: an address from the buyer's book and at most one coupon from their wallet. */
export const payOrderSchema = z.object({
  orderId: recordId,
  addressId: recordId,
  userCouponId: recordId.nullable(),
});
export type PayOrderInput = z.infer<typeof payOrderSchema>;

export const orderIdSchema = z.object({ orderId: recordId });
