import 'server-only';
import { and, eq } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { auctions, coupons, lots, orders, userCoupons } from '@/db/schema';
import { DEFAULT_RULES, type LifecycleRules } from '@/lib/engine/rules';
import { myOrderColumns, toMyOrder } from './list-my-orders';

export type MyOrder = NonNullable<Awaited<ReturnType<typeof getMyOrder>>>;

/**
 * One of the buyer's own orders with its status at `now` and the coupon locked to or used
 * on it; null for a missing id and for anyone else's order alike.
 */
export async function getMyOrder({
  db,
  userId,
  orderId,
  now,
  rules = DEFAULT_RULES,
}: {
  db: Executor;
  userId: number;
  orderId: number;
  now: Date;
  rules?: LifecycleRules;
}) {
  const [row] = await db
    .select(myOrderColumns)
    .from(orders)
    .innerJoin(lots, eq(lots.id, orders.lotId))
    .innerJoin(auctions, eq(auctions.id, orders.auctionId))
    .where(and(eq(orders.id, orderId), eq(orders.userId, userId)))
    .limit(1);
  if (!row) return null;
  const [coupon] = await db
    .select({ userCouponId: userCoupons.id, title: coupons.title, status: userCoupons.status })
    .from(userCoupons)
    .innerJoin(coupons, eq(coupons.id, userCoupons.couponId))
    .where(and(eq(userCoupons.orderId, orderId), eq(userCoupons.userId, userId)))
    .limit(1);
  return { ...toMyOrder(row, now, rules), coupon: coupon ?? null };
}
