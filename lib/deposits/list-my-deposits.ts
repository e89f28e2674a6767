import 'server-only';
import { and, asc, count, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { auctions, deposits, lifecycleEvents, lots, payments, refunds, type Deposit } from '@/db/schema';
import { toDate } from '@/lib/sql/rows';
import { pageOf, type Page, type PageRequest } from '@/lib/pagination';

/** One line of a deposit's history (money at the provider's time, when it has one): money in, money out, or a change of status. */
export type DepositHistoryEntry =
  | { kind: 'payment'; at: Date; amount: number; status: string }
  | { kind: 'refund'; at: Date; amount: number; status: string }
  | { kind: 'status'; at: Date; from: string; to: string };

export type MyDeposit = Pick<
  Deposit,
  | 'id'
  | 'kind'
  | 'status'
  | 'amount'
  | 'balance'
  | 'refundedAmount'
  | 'forfeitedAmount'
  | 'paidAt'
  | 'auctionId'
  | 'lotId'
> & {
  auctionTitle: string;
  lotTitle: string | null;
  /** Oldest first. */
  history: DepositHistoryEntry[];
};

/**
 * The buyer's own deposits, newest first, with their amounts and history. A deposit has no
 * timed transition of its own (the tick's sweep settles it), so its stored status is its status.
 */
export async function listMyDeposits({
  db,
  userId,
  page,
}: {
  db: Executor;
  userId: number;
  page: PageRequest;
}): Promise<Page<MyDeposit>> {
  const [rows, [total]] = await Promise.all([
    db
      .select({
        id: deposits.id,
        kind: deposits.kind,
        status: deposits.status,
        amount: deposits.amount,
        balance: deposits.balance,
        refundedAmount: deposits.refundedAmount,
        forfeitedAmount: deposits.forfeitedAmount,
        paidAt: deposits.paidAt,
        auctionId: deposits.auctionId,
        lotId: deposits.lotId,
        auctionTitle: auctions.title,
        lotTitle: lots.title,
      })
      .from(deposits)
      .innerJoin(auctions, eq(auctions.id, deposits.auctionId))
      .leftJoin(lots, eq(lots.id, deposits.lotId))
      .where(eq(deposits.userId, userId))
      .orderBy(desc(deposits.createdAt), desc(deposits.id))
      .limit(page.pageSize)
      .offset(page.offset),
    db.select({ n: count() }).from(deposits).where(eq(deposits.userId, userId)),
  ]);
  const ids = rows.map((row) => row.id);
  const [paid, refunded, events] =
    ids.length === 0
      ? [[], [], []]
      : await Promise.all([
          db
            .select({
              depositId: payments.depositId,
              at: sql<Date>`coalesce(${payments.succeededAt}, ${payments.createdAt})`.mapWith(toDate),
              amount: payments.amount,
              status: payments.status,
            })
            .from(payments)
            .where(and(inArray(payments.depositId, ids), eq(payments.userId, userId))),
          db
            .select({
              depositId: refunds.depositId,
              at: sql<Date>`coalesce(${refunds.succeededAt}, ${refunds.createdAt})`.mapWith(toDate),
              amount: refunds.amount,
              status: refunds.status,
            })
            .from(refunds)
            .where(inArray(refunds.depositId, ids)),
          db
            .select({
              depositId: lifecycleEvents.entityId,
              at: lifecycleEvents.at,
              from: lifecycleEvents.fromStatus,
              to: lifecycleEvents.toStatus,
            })
            .from(lifecycleEvents)
            .where(and(eq(lifecycleEvents.entity, 'deposit'), inArray(lifecycleEvents.entityId, ids)))
            .orderBy(asc(lifecycleEvents.at), asc(lifecycleEvents.id)),
        ]);
  const items = rows.map((row) => {
    const mine = <T extends { depositId: number | null }>(entries: T[]) =>
      entries.filter((entry) => entry.depositId === row.id);
    const history: DepositHistoryEntry[] = [
      ...mine(paid).map(({ at, amount, status }) => ({ kind: 'payment' as const, at, amount, status })),
      ...mine(refunded).map(({ at, amount, status }) => ({ kind: 'refund' as const, at, amount, status })),
      ...mine(events).map(({ at, from, to }) => ({ kind: 'status' as const, at, from, to })),
    ].sort((a, b) => a.at.getTime() - b.at.getTime());
    return { ...row, history };
  });
  return pageOf(items, total?.n ?? 0, page);
}
