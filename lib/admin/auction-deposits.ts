import 'server-only';
import { asc, count, eq, sql } from 'drizzle-orm';
import type { Executor } from '@/db';
import { deposits, lots, users, type DepositStatus } from '@/db/schema';
import { backsOpenBids, stillOwed } from '@/lib/deposits/selection';
import { pageOf, type Page, type PageRequest } from '@/lib/pagination';

export type AdminDepositRow = {
  id: number;
  buyerName: string;
  buyerPhone: string | null;
  kind: 'session' | 'lot';
  lotTitle: string | null;
  status: DepositStatus;
  amount: number;
  balance: number;
  refundedAmount: number;
  forfeitedAmount: number;
  /** Still answers for an unpaid order: a manual refund is refused until that order settles. */
  owed: boolean;
  /** Backs the owner's bids on a lot not yet closed: a manual refund is refused until it closes. */
  bidding: boolean;
};

/** One page of an auction's deposits, paid ones first by id. */
export async function listAuctionDeposits({
  db,
  auctionId,
  page,
}: {
  db: Executor;
  auctionId: number;
  page: PageRequest;
}): Promise<Page<AdminDepositRow>> {
  const [rows, [total]] = await Promise.all([
    db
      .select({
        id: deposits.id,
        buyerName: users.name,
        buyerPhone: users.phone,
        kind: deposits.kind,
        lotTitle: lots.title,
        status: deposits.status,
        amount: deposits.amount,
        balance: deposits.balance,
        refundedAmount: deposits.refundedAmount,
        forfeitedAmount: deposits.forfeitedAmount,
        // `stillOwed` speaks of alias d; the same row under its table name.
        owed: sql<boolean>`exists (select 1 from deposits d where d.id = ${deposits.id} and ${stillOwed})`.mapWith(
          (value) => value === true || value === 't',
        ),
        bidding:
          sql<boolean>`exists (select 1 from deposits d where d.id = ${deposits.id} and ${backsOpenBids})`.mapWith(
            (value) => value === true || value === 't',
          ),
      })
      .from(deposits)
      .innerJoin(users, eq(users.id, deposits.userId))
      .leftJoin(lots, eq(lots.id, deposits.lotId))
      .where(eq(deposits.auctionId, auctionId))
      .orderBy(asc(deposits.id))
      .limit(page.pageSize)
      .offset(page.offset),
    db.select({ n: count() }).from(deposits).where(eq(deposits.auctionId, auctionId)),
  ]);
  return pageOf(rows, total?.n ?? 0, page);
}
