import 'server-only';
import { asc, eq, sql } from 'drizzle-orm';
import type { Executor } from '@/db';
import { auctions, deposits, lots, type AuctionStatus } from '@/db/schema';
import { auctionMachineColumns, auctionStatusAt } from '@/lib/auctions/machine-context';
import type { LifecycleRules } from '@/lib/engine/rules';
import { SOLD_LOT_STATUSES } from '@/machines/lot';
import { lotOutcomeOf, selectLotOutcomes } from './lot-outcomes';

type Money = { count: number; amount: number };

export type SettlementSummary = {
  /** 成交额: deal prices of the lots sold at `now` (paid and overdue ones included). */
  turnover: number;
  sold: number;
  unsold: number;
  overdue: number;
  /** Sold lots whose order an operator cancelled: out of the turnover and the sold count. */
  cancelled: number;
  open: number;
  /** Money deposits still hold (held or frozen balances), and what went back or was forfeited. */
  held: Money;
  refunded: Money;
  forfeited: Money;
};

export type AdminAuctionDetail = {
  id: number;
  title: string;
  status: AuctionStatus;
  previewStartsAt: Date;
  previewEndsAt: Date;
  startsAt: Date;
  endsAt: Date;
  depositAmount: number;
  buyerPremiumBps: number;
  lotCount: number;
  summary: SettlementSummary;
};

/**
 * The head of an auction's back-office page: its status at `now` and its settlement as the
 * machines see it now (a lot past its end counts as sold or unsold before the tick writes it).
 */
export async function getAuctionDetailForAdmin({
  db,
  auctionId,
  now,
  rules,
}: {
  db: Executor;
  auctionId: number;
  now: Date;
  rules: LifecycleRules;
}): Promise<AdminAuctionDetail | null> {
  const [auction] = await db
    .select({
      id: auctions.id,
      title: auctions.title,
      depositAmount: auctions.depositAmount,
      buyerPremiumBps: auctions.buyerPremiumBps,
      ...auctionMachineColumns,
    })
    .from(auctions)
    .where(eq(auctions.id, auctionId));
  if (!auction) return null;
  const [lotRows, [money]] = await Promise.all([
    selectLotOutcomes(db).where(eq(lots.auctionId, auctionId)).orderBy(asc(lots.position), asc(lots.id)),
    db
      .select({
        heldCount: sql<number>`count(*) filter (where ${deposits.status} in ('held', 'frozen'))`.mapWith(Number),
        heldAmount:
          sql<number>`coalesce(sum(${deposits.balance}) filter (where ${deposits.status} in ('held', 'frozen')), 0)`.mapWith(
            Number,
          ),
        refundedCount: sql<number>`count(*) filter (where ${deposits.refundedAmount} > 0)`.mapWith(Number),
        refundedAmount: sql<number>`coalesce(sum(${deposits.refundedAmount}), 0)`.mapWith(Number),
        forfeitedCount: sql<number>`count(*) filter (where ${deposits.forfeitedAmount} > 0)`.mapWith(Number),
        forfeitedAmount: sql<number>`coalesce(sum(${deposits.forfeitedAmount}), 0)`.mapWith(Number),
      })
      .from(deposits)
      .where(eq(deposits.auctionId, auctionId)),
  ]);
  const outcomes = lotRows.map((row) => lotOutcomeOf(row, now, rules));
  const cancelled = outcomes.filter((lot) => lot.order?.status === 'cancelled');
  const soldLots = outcomes.filter((lot) => SOLD_LOT_STATUSES.includes(lot.status) && !cancelled.includes(lot));
  return {
    id: auction.id,
    title: auction.title,
    status: auctionStatusAt(auction, now),
    previewStartsAt: auction.previewStartsAt,
    previewEndsAt: auction.previewEndsAt,
    startsAt: auction.startsAt,
    endsAt: auction.endsAt,
    depositAmount: auction.depositAmount,
    buyerPremiumBps: auction.buyerPremiumBps,
    lotCount: auction.lotCount,
    summary: {
      turnover: soldLots.reduce((sum, lot) => sum + (lot.dealPrice ?? lot.currentPrice ?? 0), 0),
      sold: soldLots.length,
      unsold: outcomes.filter((lot) => lot.status === 'unsold').length,
      overdue: outcomes.filter((lot) => lot.status === 'overdue').length,
      cancelled: cancelled.length,
      open: outcomes.filter((lot) => ['draft', 'scheduled', 'preview', 'live'].includes(lot.status)).length,
      held: { count: money?.heldCount ?? 0, amount: money?.heldAmount ?? 0 },
      refunded: { count: money?.refundedCount ?? 0, amount: money?.refundedAmount ?? 0 },
      forfeited: { count: money?.forfeitedCount ?? 0, amount: money?.forfeitedAmount ?? 0 },
    },
  };
}
