'use server';

import { buyerAction } from '@/lib/actions/safe-action';
import { payDepositSchema } from '@/lib/bidding/bid-schema';
import { startDepositPayment } from '@/lib/payments/deposit-payment';
import { paymentProvider } from '@/lib/server/engine';

/**
 * 缴纳保证金: opens (or reuses) the charge for the caller's session deposit of an auction or
 * their deposit of one lot; the page hands the charge to the checkout.
 */
export const payDepositAction = buyerAction(payDepositSchema, async ({ auctionId, lotId }, { user, db, now }) => {
  const started = await startDepositPayment({
    db,
    provider: paymentProvider(),
    userId: user.id,
    auctionId,
    lotId: lotId ?? null,
    now,
  });
  return { reference: started.reference, payUrl: started.payUrl };
});
