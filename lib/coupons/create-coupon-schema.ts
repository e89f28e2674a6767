import { z } from 'zod';
import { MAX_FEN } from '@/lib/money';

/** Postgres refuses NUL in text, and no title needs a tab or a line break. */
const NO_CONTROL_CHARACTERS = /^[^\p{Cc}]*$/u;

const validity = z.object({ validFrom: z.date(), validUntil: z.date() });

/** Shared by the admin's coupon form and `createCoupon`. Amounts are fen; messages are i18n keys. */
export const createCouponSchema = z
  .object({
    title: z
      .string()
      .trim()
      .min(1, 'validation.couponTitleRequired')
      .max(60, 'validation.couponTitleTooLong')
      .regex(NO_CONTROL_CHARACTERS, 'validation.invalid'),
    threshold: z.number().int('validation.invalid').min(0, 'validation.invalid').max(MAX_FEN, 'validation.invalid'),
    discount: z
      .number()
      .int('validation.invalid')
      .min(1, 'validation.couponDiscountInvalid')
      .max(MAX_FEN, 'validation.invalid'),
    validFrom: z.date('validation.invalid'),
    validUntil: z.date('validation.invalid'),
    // The columns are 32-bit integers.
    totalQuantity: z
      .number()
      .int('validation.invalid')
      .min(1, 'validation.couponQuantityInvalid')
      .max(1_000_000, 'validation.couponQuantityInvalid'),
    perUserLimit: z
      .number()
      .int('validation.invalid')
      .min(1, 'validation.couponQuantityInvalid')
      .max(1_000_000, 'validation.couponQuantityInvalid'),
    auctionId: z.number().int('validation.invalid').positive('validation.invalid').nullable().default(null),
  })
  .refine((value) => value.validFrom < value.validUntil, {
    path: ['validUntil'],
    message: 'validation.couponValidityOrder',
    // Compare as soon as both dates are there, so every error shows in one round.
    when: (payload) => validity.safeParse(payload.value).success,
  });

export type CreateCouponInput = z.input<typeof createCouponSchema>;
export type CreateCouponData = z.output<typeof createCouponSchema>;
