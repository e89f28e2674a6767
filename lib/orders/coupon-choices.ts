import type { Order } from '@/db/schema';
import type { CouponReason } from '@/lib/coupons/coupon-rules';
import type { WalletCoupon } from '@/lib/coupons/list-my-coupons';

export type CouponChoice = {
  userCouponId: number;
  title: string;
  threshold: number;
  discount: number;
  validUntil: Date;
  /** Why it cannot be used on this order (a `couponReasons` key), null when it can. */
  reason: CouponReason | null;
};

/**
 * The buyer's wallet as the pay form offers it for one order: each coupon with the reason
 * it does not apply, in the same terms lockCouponForOrder refuses with. A coupon already
 * locked to this very order (an earlier attempt) is offered again: a new attempt frees it first.
 */
export function couponChoicesFor(
  order: Pick<Order, 'id' | 'auctionId' | 'dealPrice' | 'buyerPremium'>,
  wallet: WalletCoupon[],
): CouponChoice[] {
  return wallet
    .filter((held) => held.status !== 'used')
    .map((held) => {
      const mine = held.status === 'locked' && held.orderId === order.id;
      const reason: CouponReason | null =
        held.unusableReason === 'notAvailable' && mine
          ? null
          : (held.unusableReason ??
            (held.coupon.auctionId !== null && held.coupon.auctionId !== order.auctionId
              ? 'wrongAuction'
              : order.dealPrice + order.buyerPremium < held.coupon.threshold
                ? 'belowThreshold'
                : null));
      return {
        userCouponId: held.id,
        title: held.coupon.title,
        threshold: held.coupon.threshold,
        discount: held.coupon.discount,
        validUntil: held.coupon.validUntil,
        reason,
      };
    });
}
