'use server';

import { buyerAction } from '@/lib/actions/safe-action';
import { placeBidSchema, setProxyBidSchema } from '@/lib/bidding/bid-schema';
import { placeBid, setProxyBid, type BidOutcome } from '@/lib/bidding/place-bid';
import { parseYuan } from '@/lib/money';

/** What a bidder learns back: the lot's new state, not who the system bid for. */
type BidResult = { currentPrice: number; bidCount: number; endsAt: string; leading: boolean };

const resultOf = (outcome: BidOutcome, userId: number): BidResult => ({
  currentPrice: outcome.currentPrice,
  bidCount: outcome.bidCount,
  endsAt: outcome.endsAt.toISOString(),
  leading: outcome.leaderId === userId,
});

/** 出价: refusals come back as the domain's codes (deposit, minimum, closed, leading, blocked, rate). */
export const placeBidAction = buyerAction(placeBidSchema, async ({ lotId, amount }, { user, db, now }) =>
  resultOf(await placeBid({ db, userId: user.id, lotId, amount: parseYuan(amount)!, now }), user.id),
);

/** 代理出价: sets or changes the caller's own maximum on a lot. */
export const setProxyBidAction = buyerAction(setProxyBidSchema, async ({ lotId, maxAmount }, { user, db, now }) =>
  resultOf(await setProxyBid({ db, userId: user.id, lotId, maxAmount: parseYuan(maxAmount)!, now }), user.id),
);
