import 'server-only';
import { count, desc, eq, sql } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { auctions, coupons, userCoupons, type Coupon } from '@/db/schema';
import { pageOf, type Page, type PageRequest } from '@/lib/pagination';
import { validityRefusal } from './coupon-rules';

/** What an operator needs to know about a coupon at `now`, in the order it matters. */
export type CouponState = 'disabled' | 'notStarted' | 'expired' | 'soldOut' | 'active';

export function couponStateAt(
  coupon: Pick<Coupon, 'status' | 'validFrom' | 'validUntil' | 'issuedCount' | 'totalQuantity'>,
  now: Date,
): CouponState {
  return validityRefusal(coupon, now) ?? (coupon.issuedCount >= coupon.totalQuantity ? 'soldOut' : 'active');
}

export type AdminCouponRow = Coupon & {
  state: CouponState;
  usedCount: number;
  /** In wallets and not used yet (available or held by a payment). */
  unusedCount: number;
  auctionTitle: string | null;
};

const holdings = (statuses: string) =>
  sql<number>`(select count(*)::int from ${userCoupons} where ${userCoupons.couponId} = ${coupons.id}
    and ${userCoupons.status} in (${sql.raw(statuses)}))`.mapWith(Number);
const usage = { usedCount: holdings("'used'"), unusedCount: holdings("'available', 'locked'") };

const rowOf = (
  {
    coupon,
    usedCount,
    unusedCount,
    auctionTitle,
  }: { coupon: Coupon; usedCount: number; unusedCount: number; auctionTitle: string | null },
  now: Date,
): AdminCouponRow => ({ ...coupon, state: couponStateAt(coupon, now), usedCount, unusedCount, auctionTitle });

/** The back office's coupon list, newest first, each with its state at `now` and how many were used. */
export async function listCoupons({
  db,
  now,
  page,
}: {
  db: Executor;
  now: Date;
  page: PageRequest;
}): Promise<Page<AdminCouponRow>> {
  const [rows, [total]] = await Promise.all([
    db
      .select({ coupon: coupons, ...usage, auctionTitle: auctions.title })
      .from(coupons)
      .leftJoin(auctions, eq(auctions.id, coupons.auctionId))
      .orderBy(desc(coupons.id))
      .limit(page.pageSize)
      .offset(page.offset),
    db.select({ n: count() }).from(coupons),
  ]);
  return pageOf(
    rows.map((row) => rowOf(row, now)),
    total?.n ?? 0,
    page,
  );
}

/** One coupon for its edit and usage pages; null when there is none. */
export async function getCoupon({
  db,
  now,
  couponId,
}: {
  db: Executor;
  now: Date;
  couponId: number;
}): Promise<AdminCouponRow | null> {
  const [row] = await db
    .select({ coupon: coupons, ...usage, auctionTitle: auctions.title })
    .from(coupons)
    .leftJoin(auctions, eq(auctions.id, coupons.auctionId))
    .where(eq(coupons.id, couponId));
  if (!row) return null;
  return rowOf(row, now);
}
