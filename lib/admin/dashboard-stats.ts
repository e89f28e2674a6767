import { and, count, eq, getTableColumns, gt, inArray, lte, notInArray, sum } from 'drizzle-orm';
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
};

/** Auction statuses the clock can still move; the rest are read as stored. */
const TIMED_AUCTION_STATUSES = ['scheduled', 'preview', 'live'] as const;

/**
 * The operator's overview as the machines read at `now`, whatever the tick has written: an
 * auction past its end counts as ended (its lots' winning bids in the turnover), an order
 * past its deadline no longer counts as waiting for payment.
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
  const [settledAuctions, timedAuctions, buyers, held, turnover, waitingOrders, dueOrders, bidCount] =
    await Promise.all([
      db
        .select({ status: auctions.status, n: count() })
        .from(auctions)
        .where(notInArray(auctions.status, [...TIMED_AUCTION_STATUSES]))
        .groupBy(auctions.status),
      db
        .select({ id: auctions.id, ...auctionMachineColumns })
        .from(auctions)
        .where(inArray(auctions.status, [...TIMED_AUCTION_STATUSES])),
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
      db.select({ n: count() }).from(bids).then(first),
    ]);
  const timed = timedAuctions.map((row) => ({ row, status: auctionStatusAt(row, now) }));
  const endedLate = timed.filter(({ status }) => status === 'ended').map(({ row }) => row);
  const lateLots =
    endedLate.length === 0
      ? []
      : await db
          .select()
          .from(lots)
          .where(
            inArray(
              lots.auctionId,
              endedLate.map((row) => row.id),
            ),
          );
  const lateTurnover = lateLots
    .filter((lot) =>
      SOLD_LOT_STATUSES.includes(
        effectiveLotStatus(
          lot.status,
          lotContextOfRows(
            lot,
            endedLate.find((row) => row.id === lot.auctionId)!,
          ),
          now,
        ),
      ),
    )
    .reduce((total, lot) => total + (lot.dealPrice ?? lot.currentPrice ?? 0), 0);
  const stillDue = dueOrders.filter((order) =>
    (UNPAID_ORDER_STATUSES as readonly string[]).includes(
      effectiveOrderStatus(order.status, orderContextOf(order, rules), now),
    ),
  ).length;
  const byStatus = (status: string) =>
    timed.filter((entry) => entry.status === status).length +
    settledAuctions.filter((row) => row.status === status).reduce((total, row) => total + row.n, 0);
  return {
    auctions: timed.length + settledAuctions.reduce((total, row) => total + row.n, 0),
    live: byStatus('live'),
    upcoming: byStatus('scheduled') + byStatus('preview'),
    buyers: buyers?.n ?? 0,
    depositsHeld: held?.total ?? 0,
    turnover: (turnover?.total ?? 0) + lateTurnover,
    pendingOrders: (waitingOrders?.n ?? 0) + stillDue,
    bids: bidCount?.n ?? 0,
  };
}
