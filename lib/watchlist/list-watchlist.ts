import 'server-only';
import { and, count, desc, eq, getTableColumns, inArray } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { auctions, lots, orders, watchlist, type LotStatus } from '@/db/schema';
import { PUBLIC_AUCTION_STATUSES } from '@/lib/auctions/list-public-auctions';
import { DEFAULT_RULES, type LifecycleRules } from '@/lib/engine/rules';
import { lotContextOf, lotMachineColumns } from '@/lib/lots/machine-context';
import { orderContextOf, orderMachineColumns } from '@/lib/orders/machine-context';
import { pageOf, type Page, type PageRequest } from '@/lib/pagination';
import { effectiveLotStatus, lotStatusWithOrder } from '@/machines/lot';
import { effectiveOrderStatus } from '@/machines/order';

export type WatchedLot = {
  lotId: number;
  auctionId: number;
  auctionTitle: string;
  title: string;
  coverUrl: string | null;
  /** The lot machine's status at `now`, with its order's (paid / overdue) once sold. */
  status: LotStatus;
  startPrice: number;
  currentPrice: number | null;
  dealPrice: number | null;
  bidCount: number;
  startsAt: Date;
  /** The lot's own end, anti-sniping extensions included: what the countdown runs to. */
  endsAt: Date;
};

/** The buyer's own watchlist, most recently watched first, each lot as the machines see it at `now`. */
export async function listWatchlist({
  db,
  userId,
  page,
  now,
  rules = DEFAULT_RULES,
}: {
  db: Executor;
  userId: number;
  page: PageRequest;
  now: Date;
  rules?: LifecycleRules;
}): Promise<Page<WatchedLot>> {
  const mine = and(eq(watchlist.userId, userId), inArray(auctions.status, PUBLIC_AUCTION_STATUSES));
  const [rows, [total]] = await Promise.all([
    db
      .select({ ...getTableColumns(lots), ...lotMachineColumns, auctionTitle: auctions.title })
      .from(watchlist)
      .innerJoin(lots, eq(lots.id, watchlist.lotId))
      .innerJoin(auctions, eq(auctions.id, lots.auctionId))
      .where(mine)
      .orderBy(desc(watchlist.createdAt), desc(lots.id))
      .limit(page.pageSize)
      .offset(page.offset),
    db
      .select({ n: count() })
      .from(watchlist)
      .innerJoin(lots, eq(lots.id, watchlist.lotId))
      .innerJoin(auctions, eq(auctions.id, lots.auctionId))
      .where(mine),
  ]);
  const lotOrders =
    rows.length === 0
      ? []
      : await db
          .select({ lotId: orders.lotId, ...orderMachineColumns })
          .from(orders)
          .where(
            inArray(
              orders.lotId,
              rows.map((row) => row.id),
            ),
          );
  const orderStatusOf = (lotId: number) => {
    const order = lotOrders.find((candidate) => candidate.lotId === lotId);
    return order ? effectiveOrderStatus(order.status, orderContextOf(order, rules), now) : null;
  };
  const items = rows.map((row) => {
    const context = lotContextOf(row);
    return {
      lotId: row.id,
      auctionId: row.auctionId,
      auctionTitle: row.auctionTitle,
      title: row.title,
      coverUrl: row.coverUrl,
      status: lotStatusWithOrder(effectiveLotStatus(row.status, context, now), orderStatusOf(row.id), context, now),
      startPrice: row.startPrice,
      currentPrice: row.currentPrice,
      dealPrice: row.dealPrice,
      bidCount: row.bidCount,
      startsAt: row.startsAt,
      endsAt: row.endsAt,
    };
  });
  return pageOf(items, total?.n ?? 0, page);
}
