import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Transaction } from '@/db/client';
import { coupons, userCoupons, users, type UserCoupon } from '@/db/schema';
import { AppError } from '@/lib/errors';
import { couponExhausted, couponNotApplicable, validityRefusal } from './coupon-rules';

/**
 * Puts one of a coupon into the wallet of each (distinct) buyer listed, or into none: the
 * shared core of claiming and granting. The coupon row is locked before anything is
 * counted, so claims and grants of one coupon queue here; under READ COMMITTED each
 * statement after the lock sees every wallet row the previous holders committed, which
 * keeps both limits exact.
 */
export async function issueCoupons(
  tx: Transaction,
  {
    couponId,
    userIds,
    source,
    now,
  }: { couponId: number; userIds: readonly number[]; source: UserCoupon['source']; now: Date },
): Promise<UserCoupon[]> {
  const buyers = await tx
    .select({ id: users.id })
    .from(users)
    .where(and(inArray(users.id, [...userIds]), eq(users.role, 'buyer')));
  if (buyers.length !== userIds.length) throw new AppError('NOT_FOUND', 'No such buyer');
  const [coupon] = await tx.select().from(coupons).where(eq(coupons.id, couponId)).for('update');
  if (!coupon) throw new AppError('NOT_FOUND', 'No such coupon');
  const refusal = validityRefusal(coupon, now);
  if (refusal) throw couponNotApplicable(refusal);
  const [atLimit] = await tx
    .select({ userId: userCoupons.userId })
    .from(userCoupons)
    .where(and(eq(userCoupons.couponId, couponId), inArray(userCoupons.userId, [...userIds])))
    .groupBy(userCoupons.userId)
    .having(sql`count(*) >= ${coupon.perUserLimit}`)
    .limit(1);
  if (atLimit) throw couponExhausted('perUserLimit');
  // The guard alone keeps the total exact (a waiting update re-checks it on the newest row);
  // the lock above is what keeps the per-user count exact.
  const issued = await tx
    .update(coupons)
    .set({ issuedCount: sql`${coupons.issuedCount} + ${userIds.length}` })
    .where(and(eq(coupons.id, couponId), sql`${coupons.issuedCount} + ${userIds.length} <= ${coupons.totalQuantity}`))
    .returning({ id: coupons.id });
  if (issued.length === 0) throw couponExhausted('soldOut');
  return tx
    .insert(userCoupons)
    .values(userIds.map((userId) => ({ couponId, userId, source })))
    .returning();
}
