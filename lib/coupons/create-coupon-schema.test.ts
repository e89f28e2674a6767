import { describe, expect, it } from 'vitest';
import { createCouponSchema } from './create-coupon-schema';

const valid = {
  title: '满100减20',
  threshold: 10_000,
  discount: 2_000,
  validFrom: new Date('2026-11-01T00:00:00Z'),
  validUntil: new Date('2026-12-01T00:00:00Z'),
  totalQuantity: 100,
  perUserLimit: 1,
};

function fieldErrors(input: Record<string, unknown>) {
  const result = createCouponSchema.safeParse({ ...valid, ...input });
  if (result.success) return {};
  return Object.fromEntries(result.error.issues.map((issue) => [issue.path.join('.'), issue.message]));
}

describe('createCouponSchema', () => {
  it('accepts a coupon with no threshold and no auction scope', () => {
    expect(createCouponSchema.parse({ ...valid, threshold: 0 })).toMatchObject({ threshold: 0, auctionId: null });
  });

  it('bounds the title and refuses control characters', () => {
    expect(fieldErrors({ title: '   ' })).toEqual({ title: 'validation.couponTitleRequired' });
    expect(fieldErrors({ title: '券'.repeat(61) })).toEqual({ title: 'validation.couponTitleTooLong' });
    expect(fieldErrors({ title: '满100\u0000减20' })).toEqual({ title: 'validation.invalid' });
    expect(fieldErrors({ title: '满100\n减20' })).toEqual({ title: 'validation.invalid' });
  });

  it('takes amounts as whole fen: threshold ≥ 0, discount > 0', () => {
    expect(fieldErrors({ threshold: -1 })).toEqual({ threshold: 'validation.invalid' });
    expect(fieldErrors({ threshold: 10.5 })).toEqual({ threshold: 'validation.invalid' });
    expect(fieldErrors({ discount: 0 })).toEqual({ discount: 'validation.couponDiscountInvalid' });
  });

  it('needs validFrom before validUntil, reported with the other errors in one round', () => {
    expect(fieldErrors({ validUntil: valid.validFrom, totalQuantity: 0 })).toEqual({
      validUntil: 'validation.couponValidityOrder',
      totalQuantity: 'validation.couponQuantityInvalid',
    });
  });

  it('needs at least one coupon in total and per buyer', () => {
    expect(fieldErrors({ totalQuantity: 0, perUserLimit: 0 })).toEqual({
      totalQuantity: 'validation.couponQuantityInvalid',
      perUserLimit: 'validation.couponQuantityInvalid',
    });
  });
});
