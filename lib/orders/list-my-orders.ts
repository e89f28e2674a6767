import 'server-only';
import { count, desc, eq, getTableColumns } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { auctions, lots, orders, type Order, type OrderStatus } from '@/db/schema';
import { DEFAULT_RULES, type LifecycleRules } from '@/lib/engine/rules';
import { pageOf, type Page, type PageRequest } from '@/lib/pagination';
import { effectiveOrderStatus } from '@/machines/order';
import { orderContextOf, orderMachineColumns } from './machine-context';

export type MyOrderSummary = Pick<
  Order,
  'id' | 'orderNo' | 'dealPrice' | 'buyerPremium' | 'couponDiscount' | 'amountDue' | 'dueAt' | 'createdAt'
> & {
  /** The order machine at `now`, whatever the tick has stored. */
  status: OrderStatus;
  lot: { id: number; title: string; coverUrl: string | null };
  auctionTitle: string;
};

/** The selection both order readers share: the order, its machine's columns, its lot and auction. */
export const myOrderColumns = {
  ...getTableColumns(orders),
  ...orderMachineColumns,
  lotTitle: lots.title,
  lotCoverUrl: lots.coverUrl,
  auctionTitle: auctions.title,
};

type MyOrderRow = Order & {
  openCharge: boolean;
  lotTitle: string;
  lotCoverUrl: string | null;
  auctionTitle: string;
};

export function toMyOrder(row: MyOrderRow, now: Date, rules: LifecycleRules) {
  const { lotTitle, lotCoverUrl, openCharge, ...order } = row;
  return {
    ...order,
    status: effectiveOrderStatus(row.status, orderContextOf(row, rules), now),
    openCharge,
    lot: { id: row.lotId, title: lotTitle, coverUrl: lotCoverUrl },
  };
}

/** The buyer's own orders, newest first, each with its status at `now`. */
export async function listMyOrders({
  db,
  userId,
  now,
  page,
  rules = DEFAULT_RULES,
}: {
  db: Executor;
  userId: number;
  now: Date;
  page: PageRequest;
  rules?: LifecycleRules;
}): Promise<Page<MyOrderSummary>> {
  const [rows, [total]] = await Promise.all([
    db
      .select(myOrderColumns)
      .from(orders)
      .innerJoin(lots, eq(lots.id, orders.lotId))
      .innerJoin(auctions, eq(auctions.id, orders.auctionId))
      .where(eq(orders.userId, userId))
      .orderBy(desc(orders.createdAt), desc(orders.id))
      .limit(page.pageSize)
      .offset(page.offset),
    db.select({ n: count() }).from(orders).where(eq(orders.userId, userId)),
  ]);
  const items = rows.map((row) => {
    const order = toMyOrder(row, now, rules);
    return {
      id: order.id,
      orderNo: order.orderNo,
      dealPrice: order.dealPrice,
      buyerPremium: order.buyerPremium,
      couponDiscount: order.couponDiscount,
      amountDue: order.amountDue,
      dueAt: order.dueAt,
      createdAt: order.createdAt,
      status: order.status,
      lot: order.lot,
      auctionTitle: order.auctionTitle,
    };
  });
  return pageOf(items, total?.n ?? 0, page);
}
