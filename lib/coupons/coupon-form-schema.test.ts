import { describe, expect, it } from 'vitest';
import { couponEditSchema, couponFormSchema } from './create-coupon-schema';

const ZONE = 'Asia/Shanghai';
const yuan = (amount: number) => amount * 100;

describe('the coupon form schema', () => {
  it('reads ¥ amounts and wall-clock times in APP_TIME_ZONE, then applies the create rules', () => {
    const parsed = couponFormSchema(ZONE).parse({
      title: ' 新客券 ',
      threshold: '1,000',
      discount: '¥99.5',
      validFrom: '2026-11-03T10:00',
      validUntil: '2026-11-10T10:00',
      totalQuantity: 5,
      perUserLimit: 1,
      auctionId: null,
    });
    expect(parsed).toMatchObject({
      title: '新客券',
      threshold: yuan(1_000),
      discount: 9_950,
      validFrom: new Date('2026-11-03T02:00:00Z'),
      validUntil: new Date('2026-11-10T02:00:00Z'),
      auctionId: null,
    });
  });

  it('refuses bad amounts, times and order with message keys', () => {
    const result = couponFormSchema(ZONE).safeParse({
      title: 'x',
      threshold: 'ten',
      discount: '-1',
      validFrom: '2026-02-30T10:00',
      validUntil: '2026-11-10T10:00',
      totalQuantity: 1,
      perUserLimit: 1,
      auctionId: null,
    });
    expect(result.success).toBe(false);
    expect(Object.fromEntries(result.error!.issues.map((issue) => [issue.path.join('.'), issue.message]))).toEqual({
      threshold: 'adminCoupons.amountInvalid',
      discount: 'adminCoupons.amountInvalid',
      validFrom: 'validation.dateTimeInvalid',
    });
    const reversed = couponEditSchema(ZONE).safeParse({
      couponId: 1,
      coupon: {
        title: 'x',
        threshold: '0',
        discount: '0',
        validFrom: '2026-11-10T10:00',
        validUntil: '2026-11-03T10:00',
        totalQuantity: 0,
        perUserLimit: 1,
        auctionId: null,
      },
    });
    expect(reversed.error!.issues.map((issue) => [issue.path.join('.'), issue.message])).toEqual(
      expect.arrayContaining([
        ['coupon.discount', 'validation.couponDiscountInvalid'],
        ['coupon.totalQuantity', 'validation.couponQuantityInvalid'],
        ['coupon.validUntil', 'validation.couponValidityOrder'],
      ]),
    );
  });
});
