import type { Coupon } from '@/db/schema';
import { AppError } from '@/lib/errors';

/** Why a coupon is refused: each is a `couponReasons.*` message key. */
export const COUPON_REASONS = [
  'notFound',
  'notAvailable',
  'disabled',
  'notStarted',
  'expired',
  'belowThreshold',
  'wrongAuction',
  'soldOut',
  'perUserLimit',
] as const;
export type CouponReason = (typeof COUPON_REASONS)[number];

type Validity = Pick<Coupon, 'status' | 'validFrom' | 'validUntil'>;

/** What keeps a coupon from being claimed, granted or used at `now`; null when nothing does. */
export function validityRefusal(coupon: Validity, now: Date): 'disabled' | 'notStarted' | 'expired' | null {
  if (coupon.status !== 'active') return 'disabled';
  if (now < coupon.validFrom) return 'notStarted';
  if (now >= coupon.validUntil) return 'expired';
  return null;
}

export function couponNotApplicable(reason: CouponReason): AppError {
  return new AppError('COUPON_NOT_APPLICABLE', `Coupon not applicable: ${reason}`, { params: { reason } });
}

export function couponExhausted(reason: 'soldOut' | 'perUserLimit'): AppError {
  return new AppError('COUPON_EXHAUSTED', `Coupon exhausted: ${reason}`, { params: { reason } });
}
