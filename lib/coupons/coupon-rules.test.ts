import { createTranslator } from 'next-intl';
import { describe, expect, it } from 'vitest';
import { enMessages as en, zhCNMessages as zhCN } from '@/lib/i18n/messages';
import { COUPON_REASONS, couponExhausted, couponNotApplicable, validityRefusal } from './coupon-rules';

describe('coupon refusals', () => {
  it.each([
    ['zh-CN', zhCN],
    ['en', en],
  ] as const)('name their reason in %s', (locale, messages) => {
    const t = createTranslator({ locale, messages });
    for (const reason of COUPON_REASONS) expect(messages.couponReasons[reason]).toBeTruthy();
    const expired = couponNotApplicable('expired');
    const soldOut = couponExhausted('soldOut');
    expect([expired.details.params, soldOut.details.params]).toEqual([{ reason: 'expired' }, { reason: 'soldOut' }]);
    // As the action wrapper renders them: the reason is itself a message key.
    expect(t(`errors.${expired.code}`, { reason: t('couponReasons.expired') })).toContain(
      messages.couponReasons.expired,
    );
    expect(t(`errors.${soldOut.code}`, { reason: t('couponReasons.soldOut') })).toContain(
      messages.couponReasons.soldOut,
    );
  });

  it('a coupon is valid from validFrom, up to but not at validUntil, while active', () => {
    const coupon = { status: 'active' as const, validFrom: new Date(1_000), validUntil: new Date(2_000) };
    expect([999, 1_000, 1_999, 2_000].map((ms) => validityRefusal(coupon, new Date(ms)))).toEqual([
      'notStarted',
      null,
      null,
      'expired',
    ]);
    expect(validityRefusal({ ...coupon, status: 'disabled' }, new Date(1_500))).toBe('disabled');
  });
});
