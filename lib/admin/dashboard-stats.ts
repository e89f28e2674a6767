import { TZDate } from '@date-fns/tz';
import { startOfDay, startOfMonth } from 'date-fns';
import { and, count, eq, getTableColumns, gt, gte, inArray, lte, notInArray, sql, sum } from 'drizzle-orm';
import type { Executor } from '@/db';
import { auctions, bids, deposits, lots, orders, users } from '@/db/schema';
import { auctionMachineColumns, auctionStatusAt } from '@/lib/auctions/machine-context';
import { orderContextOf, orderMachineColumns } from '@/lib/orders/machine-context';
import { lotContextOfRows } from '@/lib/lots/machine-context';
import { DEFAULT_RULES, type LifecycleRules } from '@/lib/engine/rules';
import { effectiveLotStatus, SOLD_LOT_STATUSES } from '@/machines/lot';
import { effectiveOrderStatus, UNPAID_ORDER_STATUSES } from '@/machines/order';

export type DashboardStats = {
  auctions: number;
  live: number;
  upcoming: number;
  buyers: number;
  depositsHeld: number;
  turnover: number;
  pendingOrders: number;
  bids: number;
  /** Bids since midnight of `now`'s day in the rules' time zone (APP_TIME_ZONE). */
  bidsToday: number;
  /** Turnover of the auctions that ended since the first of `now`'s month in that zone. */
  turnoverThisMonth: number;
  /** Orders whose payment window has closed (due) and those of them left unpaid (overdue). */
  overdue: { overdue: number; due: number };
};

/** Auction statuses the clock can still move; the rest are read as stored. */
const TIMED_AUCTION_STATUSES = ['scheduled', 'preview', 'live'] as const;

/** Statuses of an order whose payment window is decided: paid in time, or not. */
const DECIDED_ORDER_STATUSES = ['paid', 'shipped', 'completed', 'overdue'] as const;

export type LateEndedAuction = { id: number; title: string; endedAt: Date; turnover: number };

/**
 * Auctions the clock has ended but the tick has not yet written as ended, each with the
 * turnover its lots read at `now` and the time it ended (its last lot's end).
 */
export async function lateEndedAuctions({ db, now }: { db: Executor; now: Date }): Promise<LateEndedAuction[]> {
  const timed = await db
    .select({ id: auctions.id, title: auctions.title, ...auctionMachineColumns })
    .from(auctions)
    .where(inArray(auctions.status, [...TIMED_AUCTION_STATUSES]));
  const ended = timed.filter((row) => auctionStatusAt(row, now) === 'ended');
  if (ended.length === 0) return [];
  const endedLots = await db
    .select()
    .from(lots)
    .where(
      inArray(
        lots.auctionId,
        ended.map((row) => row.id),
      ),
    );
  return ended.map((auction) => ({
    id: auction.id,
    title: auction.title,
    endedAt: auction.lastLotEndsAt,
    turnover: endedLots
      .filter(
        (lot) =>
          lot.auctionId === auction.id &&
          SOLD_LOT_STATUSES.includes(effectiveLotStatus(lot.status, lotContextOfRows(lot, auction), now)),
      )
      .reduce((total, lot) => total + (lot.dealPrice ?? lot.currentPrice ?? 0), 0),
  }));
}

/**
 * The operator's overview as the machines read at `now`, whatever the tick has written: an
 * auction past its end counts as ended (its lots' winning bids in the turnover), an order
 * past its deadline no longer counts as waiting for payment but as overdue.
 */
export async function dashboardStats({
  db,
  now,
  rules = DEFAULT_RULES,
}: {
  db: Executor;
  now: Date;
  rules?: LifecycleRules;
}): Promise<DashboardStats> {
  const first = <T>(rows: T[]) => rows[0];
  const zoned = new TZDate(now, rules.timeZone);
  const today = new Date(startOfDay(zoned).getTime());
  const month = new Date(startOfMonth(zoned).getTime());
  const [
    settledAuctions,
    timedAuctions,
    late,
    buyers,
    held,
    turnover,
    waitingOrders,
    dueOrders,
    decidedOrders,
    bidCount,
    bidsToday,
  ] = await Promise.all([
    db
      .select({
        status: auctions.status,
        n: count(),
        monthTurnover:
          sql<number>`coalesce(sum(${auctions.totalPrice}) filter (where ${auctions.endedAt} >= ${month}), 0)`.mapWith(
            Number,
          ),
      })
      .from(auctions)
      .where(notInArray(auctions.status, [...TIMED_AUCTION_STATUSES]))
      .groupBy(auctions.status),
    db
      .select({ id: auctions.id, ...auctionMachineColumns })
      .from(auctions)
      .where(inArray(auctions.status, [...TIMED_AUCTION_STATUSES])),
    lateEndedAuctions({ db, now }),
    db.select({ n: count() }).from(users).where(eq(users.role, 'buyer')).then(first),
    // Frozen deposits are still held for the buyer until their orders settle.
    db
      .select({ total: sum(deposits.balance).mapWith(Number) })
      .from(deposits)
      .where(inArray(deposits.status, ['held', 'frozen']))
      .then(first),
    db
      .select({ total: sum(auctions.totalPrice).mapWith(Number) })
      .from(auctions)
      .where(eq(auctions.status, 'ended'))
      .then(first),
    // An unpaid order before its next deadline reads as stored; the others ask the machine.
    db
      .select({ n: count() })
      .from(orders)
      .where(and(inArray(orders.status, [...UNPAID_ORDER_STATUSES]), gt(orders.nextTransitionAt, now)))
      .then(first),
    db
      .select({ ...getTableColumns(orders), ...orderMachineColumns })
      .from(orders)
      .where(and(inArray(orders.status, [...UNPAID_ORDER_STATUSES]), lte(orders.nextTransitionAt, now))),
    db
      .select({ status: orders.status, n: count() })
      .from(orders)
      .where(and(inArray(orders.status, [...DECIDED_ORDER_STATUSES]), lte(orders.dueAt, now)))
      .groupBy(orders.status),
    db.select({ n: count() }).from(bids).then(first),
    db
      .select({ n: count() })
      .from(bids)
      .where(and(gte(bids.placedAt, today), lte(bids.placedAt, now)))
      .then(first),
  ]);
  const timed = timedAuctions.map((row) => auctionStatusAt(row, now));
  const dueStatuses = dueOrders.map((order) => effectiveOrderStatus(order.status, orderContextOf(order, rules), now));
  const stillDue = dueStatuses.filter((status) => (UNPAID_ORDER_STATUSES as readonly string[]).includes(status)).length;
  const lateOverdue = dueStatuses.filter((status) => status === 'overdue').length;
  const storedOverdue = decidedOrders.find((row) => row.status === 'overdue')?.n ?? 0;
  const byStatus = (status: string) =>
    timed.filter((entry) => entry === status).length +
    settledAuctions.filter((row) => row.status === status).reduce((total, row) => total + row.n, 0);
  return {
    auctions: timed.length + settledAuctions.reduce((total, row) => total + row.n, 0),
    live: byStatus('live'),
    upcoming: byStatus('scheduled') + byStatus('preview'),
    buyers: buyers?.n ?? 0,
    depositsHeld: held?.total ?? 0,
    turnover: (turnover?.total ?? 0) + late.reduce((total, auction) => total + auction.turnover, 0),
    pendingOrders: (waitingOrders?.n ?? 0) + stillDue,
    bids: bidCount?.n ?? 0,
    bidsToday: bidsToday?.n ?? 0,
    turnoverThisMonth:
      (settledAuctions.find((row) => row.status === 'ended')?.monthTurnover ?? 0) +
      late.filter((auction) => auction.endedAt >= month).reduce((total, auction) => total + auction.turnover, 0),
    overdue: {
      overdue: storedOverdue + lateOverdue,
      due: decidedOrders.reduce((total, row) => total + row.n, 0) + lateOverdue,
    },
  };
}
