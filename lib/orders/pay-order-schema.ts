import { z } from 'zod';
import { recordIdSchema } from '@/lib/validation/record-id';

/** The pay form: an address from the buyer's book and at most one coupon from their wallet. */
export const payOrderSchema = z.object({
  orderId: recordIdSchema,
  addressId: recordIdSchema,
  userCouponId: recordIdSchema.nullable(),
});
export type PayOrderInput = z.infer<typeof payOrderSchema>;

export const orderIdSchema = z.object({ orderId: recordIdSchema });
