import { and, asc, eq, inArray, isNull, or, sql } from 'drizzle-orm';
import type { Database, Executor } from '@/db/client';
import { auctions, bids, deposits, incrementLadderSteps, lots, proxyBids, type Auction, type Lot } from '@/db/schema';
import { AppError } from '@/lib/errors';
import { lotContextOf } from '@/lib/lifecycle/lot-context';
import { withRetry } from '@/lib/lifecycle/retry';
import { consumeRateLimit, type RateLimit } from '@/lib/rate-limit/consume';
import { effectiveLotStatus, lotEvent } from '@/machines/lot';
import { DEFAULT_LADDER, minimumBid, type LadderStep } from './ladder';
import { resolveProxies, type SystemBid } from './proxy-resolution';

/** Bids and proxy changes per buyer: generous for a person, a wall for a script. */
export const BID_RATE_LIMIT: RateLimit = { limit: 20, windowMs: 10_000 };

export type BidOutcome = {
  lotId: number;
  currentPrice: number;
  leaderId: number;
  bidCount: number;
  endsAt: Date;
  /** Every bid this request placed, the buyer's own and the proxies' answers, in order. */
  placed: SystemBid[];
};

type Locked = { lot: Lot; auction: Auction; ladder: readonly LadderStep[] };

/** Locks the lot (bids on one lot queue here) and checks it takes bids from this buyer now. */
async function lockBiddableLot(tx: Executor, lotId: number, userId: number, now: Date): Promise<Locked> {
  const [row] = await tx.select({ lot: lots, auction: auctions }).from(lots).innerJoin(auctions, eq(auctions.id, lots.auctionId)).where(eq(lots.id, lotId)).for('update', { of: lots });
  if (!row || row.auction.status === 'draft') throw new AppError('NOT_FOUND', 'No such lot');
  const context = lotContextOf(row.lot, row.auction);
  // The machine at `now` decides, whatever the tick has stored: a bid 1 ms after the end is refused.
  if (effectiveLotStatus(row.lot.status, context, now) !== 'live' || !lotEvent('live', context, { type: 'BID', now })) {
    throw new AppError('CONFLICT', 'This lot is not taking bids');
  }
  const [cover] = await tx
    .select({ id: deposits.id })
    .from(deposits)
    .where(
      and(
        eq(deposits.userId, userId),
        eq(deposits.status, 'held'),
        or(eq(deposits.lotId, lotId), and(isNull(deposits.lotId), eq(deposits.auctionId, row.lot.auctionId))),
      ),
    )
    .limit(1);
  if (!cover) throw new AppError('FORBIDDEN', 'Pay the session deposit or this lot’s deposit before bidding');
  const steps = row.auction.incrementLadderId
    ? await tx.select().from(incrementLadderSteps).where(eq(incrementLadderSteps.ladderId, row.auction.incrementLadderId)).orderBy(asc(incrementLadderSteps.minPrice))
    : [];
  return { ...row, ladder: steps.length > 0 ? steps : DEFAULT_LADDER };
}

/**
 * Writes the bids one request produced and moves the lot on: price, leader, count, and the
 * anti-sniping extension when the last bid lands in the final minutes.
 */
async function commitBids(tx: Executor, { lot, auction, ladder }: Locked, userBid: SystemBid | null, now: Date): Promise<BidOutcome> {
  const proxies = await tx.select().from(proxyBids).where(and(eq(proxyBids.lotId, lot.id), eq(proxyBids.active, true)));
  let state = { currentPrice: lot.currentPrice, leaderId: lot.leaderId, startPrice: lot.startPrice };
  const placed: SystemBid[] = [];
  if (userBid) {
    placed.push(userBid);
    state = { ...state, currentPrice: userBid.amount, leaderId: userBid.userId };
  }
  const answer = resolveProxies(state, proxies, ladder, now);
  placed.push(...answer.bids);
  state = answer.state;
  if (placed.length === 0 || state.currentPrice === null || state.leaderId === null) {
    return { lotId: lot.id, currentPrice: lot.currentPrice ?? 0, leaderId: lot.leaderId ?? 0, bidCount: lot.bidCount, endsAt: lot.endsAt ?? auction.endsAt, placed };
  }
  await tx.insert(bids).values(placed.map((bid, index) => ({ lotId: lot.id, userId: bid.userId, amount: bid.amount, isProxy: userBid === null || index > 0, placedAt: now })));
  const endsAt = lot.endsAt ?? auction.endsAt;
  const window = auction.antiSnipingMinutes * 60_000;
  const extended = window > 0 && endsAt.getTime() - now.getTime() < window ? new Date(now.getTime() + window) : endsAt;
  const [updated] = await tx
    .update(lots)
    .set({ currentPrice: state.currentPrice, leaderId: state.leaderId, bidCount: sql`${lots.bidCount} + ${placed.length}`, endsAt: extended, nextTransitionAt: extended })
    .where(eq(lots.id, lot.id))
    .returning();
  const floor = minimumBid(state, ladder);
  // Maxima that can no longer bid are spent; keeping them active would only slow every later bid.
  await tx
    .update(proxyBids)
    .set({ active: false })
    .where(and(eq(proxyBids.lotId, lot.id), eq(proxyBids.active, true), sql`${proxyBids.maxAmount} < ${floor}`, sql`${proxyBids.userId} <> ${state.leaderId}`));
  if (extended > endsAt) {
    await tx
      .update(auctions)
      .set({ nextTransitionAt: sql`greatest(${auctions.nextTransitionAt}, ${extended.toISOString()}::timestamptz)` })
      .where(and(eq(auctions.id, auction.id), inArray(auctions.status, ['live', 'preview', 'scheduled'])));
  }
  return { lotId: lot.id, currentPrice: state.currentPrice, leaderId: state.leaderId, bidCount: updated!.bidCount, endsAt: extended, placed };
}

/**
 * 出价: a signed-in buyer with a held deposit covering the lot, while the lot is live and
 * before its end; at least the start price, then the current price plus the ladder's
 * increment; never over one's own leading bid. Proxy maxima answer in the same transaction.
 */
export async function placeBid({ db, userId, lotId, amount, now }: { db: Database; userId: number; lotId: number; amount: number; now: Date }): Promise<BidOutcome> {
  await consumeRateLimit(db, `bid:${userId}`, now, BID_RATE_LIMIT);
  return withRetry(() =>
    db.transaction(async (tx) => {
      const locked = await lockBiddableLot(tx, lotId, userId, now);
      if (locked.lot.leaderId === userId) throw new AppError('CONFLICT', 'You already hold the highest bid');
      const minimum = minimumBid(locked.lot, locked.ladder);
      if (amount < minimum) {
        throw new AppError('CONFLICT', `A bid must be at least ${minimum} fen`, { fieldErrors: { amount: ['bid.tooLow'] } });
      }
      return commitBids(tx, locked, { userId, amount }, now);
    }),
  );
}

/**
 * 代理出价: sets (or raises) the most the system may bid for this buyer on the lot. A new
 * or changed maximum takes its time from now, so between equal maxima the earlier one wins.
 */
export async function setProxyBid({ db, userId, lotId, maxAmount, now }: { db: Database; userId: number; lotId: number; maxAmount: number; now: Date }): Promise<BidOutcome> {
  await consumeRateLimit(db, `bid:${userId}`, now, BID_RATE_LIMIT);
  return withRetry(() =>
    db.transaction(async (tx) => {
      const locked = await lockBiddableLot(tx, lotId, userId, now);
      const leading = locked.lot.leaderId === userId;
      const minimum = leading ? (locked.lot.currentPrice ?? 0) + 1 : minimumBid(locked.lot, locked.ladder);
      if (maxAmount < minimum) {
        throw new AppError('CONFLICT', `A maximum must be at least ${minimum} fen`, { fieldErrors: { maxAmount: ['bid.tooLow'] } });
      }
      await tx
        .insert(proxyBids)
        .values({ lotId, userId, maxAmount, setAt: now })
        .onConflictDoUpdate({ target: [proxyBids.lotId, proxyBids.userId], set: { maxAmount, setAt: now, active: true } });
      return commitBids(tx, locked, null, now);
    }),
  );
}
