import 'server-only';
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Database, Executor } from '@/db/client';
import {
  auctions,
  bids,
  deposits,
  incrementLadderSteps,
  lots,
  proxyBids,
  users,
  type Auction,
  type Lot,
} from '@/db/schema';
import { AppError } from '@/lib/errors';
import { lotContextOfRows, scheduledEndOf } from '@/lib/lots/machine-context';
import { formatFen, MAX_PRICE_FEN } from '@/lib/money';
import { insertNotifications } from '@/lib/sql/outbox-rows';
import { withRetry } from '@/lib/sql/retry';
import { intArray } from '@/lib/sql/values';
import { consumeRateLimit, type RateLimit } from '@/lib/rate-limit/consume';
import { effectiveLotStatus, lotEvent } from '@/machines/lot';
import { extendedEnd } from './anti-sniping';
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

/**
 * Locks the lot (bids on one lot queue here) and checks it takes bids from this buyer now:
 * NOT_FOUND (no such lot, or still a draft), BIDDING_BLOCKED, LOT_NOT_BIDDABLE (not live at
 * `now`), DEPOSIT_REQUIRED (no held deposit covers it), in that order.
 */
async function lockBiddableLot(tx: Executor, lotId: number, userId: number, now: Date): Promise<Locked> {
  const [row] = await tx
    .select({
      lot: lots,
      auction: auctions,
      // Read in the bid's own transaction: once the engine's block commits, no later bid passes.
      blocked: sql<boolean>`exists (select 1 from ${users} where ${users.id} = ${userId} and ${users.biddingBlockedAt} is not null)`,
      covered: sql<boolean>`exists (select 1 from ${deposits} where ${deposits.userId} = ${userId} and ${deposits.status} = 'held'
        and (${deposits.lotId} = ${lots.id} or (${deposits.lotId} is null and ${deposits.auctionId} = ${lots.auctionId})))`,
    })
    .from(lots)
    .innerJoin(auctions, eq(auctions.id, lots.auctionId))
    .where(eq(lots.id, lotId))
    .for('update', { of: lots });
  if (!row || row.auction.status === 'draft') throw new AppError('NOT_FOUND', 'No such lot');
  if (row.blocked) throw new AppError('BIDDING_BLOCKED', 'Bidding is blocked for this buyer');
  const context = lotContextOfRows(row.lot, row.auction);
  // The machine at `now` decides, whatever the tick has stored: a bid 1 ms after the end is refused.
  if (effectiveLotStatus(row.lot.status, context, now) !== 'live' || !lotEvent('live', context, { type: 'BID', now })) {
    throw new AppError('LOT_NOT_BIDDABLE', 'This lot is not taking bids');
  }
  if (!row.covered)
    throw new AppError('DEPOSIT_REQUIRED', 'Pay the session deposit or this lot’s deposit before bidding');
  const steps = row.auction.incrementLadderId
    ? await tx
        .select()
        .from(incrementLadderSteps)
        .where(eq(incrementLadderSteps.ladderId, row.auction.incrementLadderId))
        .orderBy(asc(incrementLadderSteps.minPrice))
    : [];
  return { lot: row.lot, auction: row.auction, ladder: steps.length > 0 ? steps : DEFAULT_LADDER };
}

/** BID_TOO_LOW with the least acceptable amount, for the form field that was too low. */
function refuseBelow(minimum: number, field: 'amount' | 'maxAmount'): never {
  throw new AppError('BID_TOO_LOW', `At least ${minimum} fen`, {
    params: { minimum: formatFen(minimum) },
    fieldErrors: { [field]: ['bid.tooLow'] },
  });
}

/** A bid or maximum above any price a lot may reach is refused before anything is locked. */
function refuseAbove(amount: number, field: 'amount' | 'maxAmount'): void {
  if (amount > MAX_PRICE_FEN)
    throw new AppError('VALIDATION', 'Above the highest possible price', { fieldErrors: { [field]: ['bid.tooHigh'] } });
}

/**
 * Writes the bids one request produced (the buyer's own, if any, and the proxies' answers)
 * and moves the lot on: price, leader, count, and the anti-sniping extension.
 */
async function commitBids(
  tx: Executor,
  { lot, auction, ladder }: Locked,
  { requesterId, manual }: { requesterId: number; manual: { userId: number; amount: number } | null },
  now: Date,
): Promise<BidOutcome> {
  const proxies = await tx
    .select()
    .from(proxyBids)
    .where(and(eq(proxyBids.lotId, lot.id), eq(proxyBids.active, true)));
  const { bids: placed, state } = resolveProxies(
    { currentPrice: lot.currentPrice, leaderId: lot.leaderId, startPrice: lot.startPrice },
    proxies,
    ladder,
    now,
    manual,
  );
  const endsAt = lot.endsAt ?? auction.endsAt;
  if (placed.length === 0 || state.currentPrice === null || state.leaderId === null) {
    return {
      lotId: lot.id,
      currentPrice: lot.currentPrice ?? 0,
      leaderId: lot.leaderId ?? 0,
      bidCount: lot.bidCount,
      endsAt,
      placed,
    };
  }
  await tx.insert(bids).values(
    placed.map((bid) => ({
      lotId: lot.id,
      userId: bid.userId,
      amount: bid.amount,
      isProxy: bid.isProxy,
      placedAt: now,
    })),
  );
  const extended = extendedEnd({
    endsAt,
    scheduledEndsAt: scheduledEndOf(lot, auction),
    now,
    rules: {
      windowMinutes: auction.antiSnipingMinutes,
      extensionMinutes: auction.antiSnipingExtensionMinutes,
      capMinutes: auction.antiSnipingCapMinutes,
    },
  });
  const [updated] = await tx
    .update(lots)
    .set({
      currentPrice: state.currentPrice,
      leaderId: state.leaderId,
      bidCount: sql`${lots.bidCount} + ${placed.length}`,
      endsAt: extended,
      nextTransitionAt: extended,
    })
    .where(eq(lots.id, lot.id))
    .returning();
  const floor = minimumBid(state, ladder);
  // Maxima that can no longer bid are spent; keeping them active would only slow every later bid.
  await tx
    .update(proxyBids)
    .set({ active: false })
    .where(
      and(
        eq(proxyBids.lotId, lot.id),
        eq(proxyBids.active, true),
        sql`${proxyBids.maxAmount} < ${floor}`,
        sql`${proxyBids.userId} <> ${state.leaderId}`,
      ),
    );
  await queueOutbidNotices(tx, {
    lot,
    outbid: outbidUsers({ previousLeaderId: lot.leaderId, placed, leaderId: state.leaderId, requesterId }),
    price: state.currentPrice,
  });
  if (extended > endsAt) {
    await tx
      .update(auctions)
      .set({ nextTransitionAt: sql`greatest(${auctions.nextTransitionAt}, ${extended.toISOString()}::timestamptz)` })
      .where(and(eq(auctions.id, auction.id), inArray(auctions.status, ['live', 'preview', 'scheduled'])));
  }
  return {
    lotId: lot.id,
    currentPrice: state.currentPrice,
    leaderId: state.leaderId,
    bidCount: updated!.bidCount,
    endsAt: extended,
    placed,
  };
}

/**
 * Who lost the lead in one request: the leader before it and everyone a bid of it was placed
 * for (a proxy answer that was then topped), except whoever leads now and the buyer who made
 * the request (they see the outcome on their own screen). Each once, however many of their
 * bids the request placed.
 */
function outbidUsers({
  previousLeaderId,
  placed,
  leaderId,
  requesterId,
}: {
  previousLeaderId: number | null;
  placed: readonly SystemBid[];
  leaderId: number;
  requesterId: number;
}): number[] {
  const bidders = new Set(placed.map((bid) => bid.userId));
  if (previousLeaderId !== null) bidders.add(previousLeaderId);
  bidders.delete(leaderId);
  bidders.delete(requesterId);
  return [...bidders];
}

/** One 'outbid' notification per user, queued through the outbox in the bid's transaction. */
async function queueOutbidNotices(tx: Executor, { lot, outbid, price }: { lot: Lot; outbid: number[]; price: number }) {
  if (outbid.length === 0) return;
  await tx.execute(
    insertNotifications({
      source: sql`unnest(${intArray(outbid)}) as outbid(user_id)`,
      userId: sql`outbid.user_id`,
      kind: 'outbid',
      data: sql`jsonb_build_object('lotId', ${lot.id}::int, 'auctionId', ${lot.auctionId}::int, 'lotTitle', ${lot.title}::text, 'price', ${price}::bigint)`,
    }),
  );
}

/**
 * 出价: a signed-in buyer with a held deposit covering the lot, while the lot is live and
 * before its end; at least the start price, then the current price plus the ladder's
 * increment; never over one's own leading bid (ALREADY_LEADING). Proxy maxima answer in
 * the same transaction; a bid equal to an earlier maximum leaves that maximum in the lead.
 */
export async function placeBid({
  db,
  userId,
  lotId,
  amount,
  now,
}: {
  db: Database;
  userId: number;
  lotId: number;
  amount: number;
  now: Date;
}): Promise<BidOutcome> {
  refuseAbove(amount, 'amount');
  await consumeRateLimit(db, { key: `bid:${userId}`, now, ...BID_RATE_LIMIT });
  return withRetry(() =>
    db.transaction(async (tx) => {
      const locked = await lockBiddableLot(tx, lotId, userId, now);
      if (locked.lot.leaderId === userId) throw new AppError('ALREADY_LEADING', 'You already hold the highest bid');
      const minimum = minimumBid(locked.lot, locked.ladder);
      if (amount < minimum) refuseBelow(minimum, 'amount');
      return commitBids(tx, locked, { requesterId: userId, manual: { userId, amount } }, now);
    }),
  );
}

/**
 * 代理出价: sets (or changes) the most the system may bid for this buyer on the lot, at
 * least the next minimum bid — for the leader too, so every bid it places stays on the
 * ladder. A new or changed maximum takes its time from now, so between equal maxima the
 * earlier one wins.
 */
export async function setProxyBid({
  db,
  userId,
  lotId,
  maxAmount,
  now,
}: {
  db: Database;
  userId: number;
  lotId: number;
  maxAmount: number;
  now: Date;
}): Promise<BidOutcome> {
  refuseAbove(maxAmount, 'maxAmount');
  await consumeRateLimit(db, { key: `bid:${userId}`, now, ...BID_RATE_LIMIT });
  return withRetry(() =>
    db.transaction(async (tx) => {
      const locked = await lockBiddableLot(tx, lotId, userId, now);
      const minimum = minimumBid(locked.lot, locked.ladder);
      if (maxAmount < minimum) refuseBelow(minimum, 'maxAmount');
      await tx
        .insert(proxyBids)
        .values({ lotId, userId, maxAmount, setAt: now })
        .onConflictDoUpdate({
          target: [proxyBids.lotId, proxyBids.userId],
          set: { maxAmount, setAt: now, active: true },
        });
      return commitBids(tx, locked, { requesterId: userId, manual: null }, now);
    }),
  );
}
