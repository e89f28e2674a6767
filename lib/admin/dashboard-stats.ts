import { count, eq, inArray, sum } from 'drizzle-orm';
import type { Executor } from '@/db';
import { auctions, bids, deposits, orders, users } from '@/db/schema';

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

/** The operator's overview; each figure is one aggregate query. */
export async function dashboardStats({ db }: { db: Executor }): Promise<DashboardStats> {
  const first = <T>(rows: T[]) => rows[0];
  const [auctionRows, buyers, held, turnover, pendingOrders, bidCount] = await Promise.all([
    db.select({ status: auctions.status, n: count() }).from(auctions).groupBy(auctions.status),
    db.select({ n: count() }).from(users).where(eq(users.role, 'buyer')).then(first),
    // Frozen deposits are still held for the buyer until their orders settle.
    db.select({ total: sum(deposits.balance).mapWith(Number) }).from(deposits).where(inArray(deposits.status, ['held', 'frozen'])).then(first),
    db.select({ total: sum(auctions.totalPrice).mapWith(Number) }).from(auctions).where(eq(auctions.status, 'ended')).then(first),
    db.select({ n: count() }).from(orders).where(eq(orders.status, 'pending_payment')).then(first),
    db.select({ n: count() }).from(bids).then(first),
  ]);
  const byStatus = (statuses: string[]) => auctionRows.filter((row) => statuses.includes(row.status)).reduce((total, row) => total + row.n, 0);
  return {
    auctions: auctionRows.reduce((total, row) => total + row.n, 0),
    live: byStatus(['live']),
    upcoming: byStatus(['scheduled', 'preview']),
    buyers: buyers?.n ?? 0,
    depositsHeld: held?.total ?? 0,
    turnover: turnover?.total ?? 0,
    pendingOrders: pendingOrders?.n ?? 0,
    bids: bidCount?.n ?? 0,
  };
}
