import 'server-only';
import { sql } from 'drizzle-orm';
import type { Executor } from '@/db';
import type { OrderStatus } from '@/db/schema';
import type { LifecycleRules } from '@/lib/engine/rules';
import { pageOf, type Page, type PageRequest } from '@/lib/pagination';
import { toDate, toNullableDate, toNullableNumber, toNumber } from '@/lib/sql/rows';
import { effectiveOrderStatus } from '@/machines/order';
import { orderFilterSql } from './order-list-query';
import type { OrderFilters } from './order-schemas';

export type AdminOrderRow = {
  id: number;
  orderNo: string;
  status: OrderStatus;
  auctionId: number;
  auctionTitle: string;
  lotId: number;
  lotTitle: string;
  buyerName: string;
  buyerPhone: string | null;
  dealPrice: number;
  buyerPremium: number;
  couponDiscount: number;
  amountDue: number;
  dueAt: Date;
  paidAt: Date | null;
  shippedAt: Date | null;
  carrier: string | null;
  trackingNo: string | null;
  createdAt: Date;
};

/** The select both the list and the CSV export read, over `o` joined with buyer `u`, lot `l`, auction `a`. */
export const orderRowsSql = sql`
  select o.id, o.order_no, o.status, o.auction_id, a.title as auction_title, o.lot_id, l.title as lot_title,
    u.name as buyer_name, u.phone as buyer_phone, o.deal_price, o.buyer_premium, o.coupon_discount, o.amount_due,
    o.due_at, o.paid_at, o.shipped_at, o.reminded_at, o.carrier, o.tracking_no, o.created_at,
    exists (select 1 from payments p where p.order_id = o.id and p.status = 'pending') as open_charge
  from orders o join users u on u.id = o.user_id join lots l on l.id = o.lot_id join auctions a on a.id = o.auction_id`;

/** A row of `orderRowsSql`, its status as the machine gives it at `now`. */
export function adminOrderRowOf(row: Record<string, unknown>, now: Date, rules: LifecycleRules): AdminOrderRow {
  const dueAt = toDate(row.due_at);
  const shippedAt = toNullableDate(row.shipped_at);
  const status = effectiveOrderStatus(
    row.status as OrderStatus,
    {
      dueAt,
      autoCompleteAt: shippedAt ? new Date(shippedAt.getTime() + rules.autoCompleteMs) : null,
      openCharge: row.open_charge === true || row.open_charge === 't',
      graceMs: rules.paymentGraceMs,
      reminded: row.reminded_at !== null,
    },
    now,
  );
  return {
    id: toNumber(row.id),
    orderNo: String(row.order_no),
    status,
    auctionId: toNumber(row.auction_id),
    auctionTitle: String(row.auction_title),
    lotId: toNumber(row.lot_id),
    lotTitle: String(row.lot_title),
    buyerName: String(row.buyer_name),
    buyerPhone: (row.buyer_phone as string | null) ?? null,
    dealPrice: toNumber(row.deal_price),
    buyerPremium: toNumber(row.buyer_premium),
    couponDiscount: toNumber(row.coupon_discount),
    amountDue: toNumber(row.amount_due),
    dueAt,
    paidAt: toNullableDate(row.paid_at),
    shippedAt,
    carrier: (row.carrier as string | null) ?? null,
    trackingNo: (row.tracking_no as string | null) ?? null,
    createdAt: toDate(row.created_at),
  };
}

/** One page of orders matching the filters, newest first. */
export async function listOrdersForAdmin({
  db,
  filters,
  page,
  now,
  rules,
}: {
  db: Executor;
  filters: OrderFilters;
  page: PageRequest;
  now: Date;
  rules: LifecycleRules;
}): Promise<Page<AdminOrderRow>> {
  const where = orderFilterSql(filters, now, rules);
  const [rows, total] = await Promise.all([
    db.execute<Record<string, unknown>>(
      sql`${orderRowsSql} where ${where} order by o.id desc limit ${page.pageSize} offset ${page.offset}`,
    ),
    db.execute<{ n: unknown }>(sql`select count(*) as n from orders o join users u on u.id = o.user_id where ${where}`),
  ]);
  return pageOf(
    rows.rows.map((row) => adminOrderRowOf(row, now, rules)),
    toNullableNumber(total.rows[0]?.n) ?? 0,
    page,
  );
}
