import 'server-only';
import { count, desc, eq } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { orders, userCoupons, users, type UserCoupon } from '@/db/schema';
import { pageOf, type Page, type PageRequest } from '@/lib/pagination';

export type CouponHolding = {
  id: number;
  userId: number;
  userName: string;
  phone: string | null;
  email: string | null;
  status: UserCoupon['status'];
  source: UserCoupon['source'];
  orderId: number | null;
  orderNo: string | null;
  usedAt: Date | null;
  issuedAt: Date;
};

/** Who holds one coupon: each wallet row with its holder, status and the order it went to, newest first. */
export async function couponUsage({
  db,
  couponId,
  page,
}: {
  db: Executor;
  couponId: number;
  page: PageRequest;
}): Promise<Page<CouponHolding>> {
  const [rows, [total]] = await Promise.all([
    db
      .select({
        id: userCoupons.id,
        userId: userCoupons.userId,
        userName: users.name,
        phone: users.phone,
        email: users.email,
        status: userCoupons.status,
        source: userCoupons.source,
        orderId: userCoupons.orderId,
        orderNo: orders.orderNo,
        usedAt: userCoupons.usedAt,
        issuedAt: userCoupons.createdAt,
      })
      .from(userCoupons)
      .innerJoin(users, eq(users.id, userCoupons.userId))
      .leftJoin(orders, eq(orders.id, userCoupons.orderId))
      .where(eq(userCoupons.couponId, couponId))
      .orderBy(desc(userCoupons.id))
      .limit(page.pageSize)
      .offset(page.offset),
    db.select({ n: count() }).from(userCoupons).where(eq(userCoupons.couponId, couponId)),
  ]);
  return pageOf(rows, total?.n ?? 0, page);
}
