import { z } from 'zod';
import { MAX_FEN, parseYuan } from '@/lib/money';
import { zonedDateTimeField } from '@/lib/time/zoned-input';
import { recordId } from '@/lib/validation/record-id';

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
    auctionId: recordId.nullable().default(null),
  })
  .refine((value) => value.validFrom < value.validUntil, {
    path: ['validUntil'],
    message: 'validation.couponValidityOrder',
    // Compare as soon as both dates are there, so every error shows in one round.
    when: (payload) => validity.safeParse(payload.value).success,
  });

export type CreateCouponInput = z.input<typeof createCouponSchema>;
export type CreateCouponData = z.output<typeof createCouponSchema>;

/** A ¥ amount as typed ("1,000.50", "¥20"), read to fen by lib/money.ts. */
const yuanField = z
  .string('validation.invalid')
  .max(24, 'validation.invalid')
  .transform((value, context) => {
    const fen = parseYuan(value);
    if (fen === null) {
      context.addIssue({ code: 'custom', message: 'adminCoupons.amountInvalid' });
      return z.NEVER;
    }
    return fen;
  });

/**
 * The operator's coupon form: amounts in ¥, validity typed on the wall clock of `timeZone`
 * (APP_TIME_ZONE). It reads what was typed, then hands the result to `createCouponSchema`, so
 * the form, the create action and the edit action keep one set of rules.
 */
export function couponFormSchema(timeZone: string) {
  return z
    .object({
      title: z.string('validation.invalid'),
      threshold: yuanField,
      discount: yuanField,
      validFrom: zonedDateTimeField(timeZone),
      validUntil: zonedDateTimeField(timeZone),
      totalQuantity: z.number('validation.couponQuantityInvalid'),
      perUserLimit: z.number('validation.couponQuantityInvalid'),
      auctionId: z.number('validation.invalid').nullable().optional(),
    })
    .pipe(createCouponSchema);
}

export type CouponFormInput = z.input<ReturnType<typeof couponFormSchema>>;
export type CouponFormData = z.output<ReturnType<typeof couponFormSchema>>;

/** The edit action: which coupon, and the same form. */
export function couponEditSchema(timeZone: string) {
  return z.object({
    couponId: recordId,
    coupon: couponFormSchema(timeZone),
  });
}
