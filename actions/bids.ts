'use server';

import type { Executor } from '@/db';
import type { LotLive } from '@/lib/api/v1/schemas';
import { buyerAction } from '@/lib/actions/safe-action';
import { placeBidSchema, setProxyBidSchema } from '@/lib/bidding/bid-schema';
import { placeBid, setProxyBid, type BidOutcome } from '@/lib/bidding/place-bid';
import { getLotLive } from '@/lib/lots/get-lot-live';
import { parseYuan } from '@/lib/money';
import { engineRules } from '@/lib/server/engine';

/**
 * What a bidder learns back: the lot's new state, not who the system bid for. `live` is the
 * lot's public state read after the bid committed, so the page shows it at once instead of
 * waiting for a poll that a shared cache may answer with an older body.
 */
type BidResult = { currentPrice: number; bidCount: number; endsAt: string; leading: boolean; live: LotLive | null };

async function resultOf(db: Executor, outcome: BidOutcome, userId: number, now: Date): Promise<BidResult> {
  const found = await getLotLive({ db, lotId: outcome.lotId, now, rules: engineRules() });
  return {
    currentPrice: outcome.currentPrice,
    bidCount: outcome.bidCount,
    endsAt: outcome.endsAt.toISOString(),
    leading: outcome.leaderId === userId,
    live: found?.live ?? null,
  };
}

/** 出价: refusals come back as the domain's codes (deposit, minimum, closed, leading, blocked, rate). */
export const placeBidAction = buyerAction(placeBidSchema, async ({ lotId, amount }, { user, db, now }) =>
  resultOf(db, await placeBid({ db, userId: user.id, lotId, amount: parseYuan(amount)!, now }), user.id, now),
);

/** 代理出价: sets or changes the caller's own maximum on a lot. */
export const setProxyBidAction = buyerAction(setProxyBidSchema, async ({ lotId, maxAmount }, { user, db, now }) =>
  resultOf(db, await setProxyBid({ db, userId: user.id, lotId, maxAmount: parseYuan(maxAmount)!, now }), user.id, now),
);
