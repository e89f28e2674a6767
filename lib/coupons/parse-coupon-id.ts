import { z } from 'zod';

/** A coupon id from the URL; anything else is no coupon. */
export const couponIdParam = z.coerce.number().int().positive().max(2_147_483_647);
