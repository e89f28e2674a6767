import 'server-only';
import type { Database } from '@/db/client';
import { adminAuditLog, type UserCoupon } from '@/db/schema';
import { AppError } from '@/lib/errors';
import { issueCoupons } from './issue-coupons';

/**
 * An admin gives one coupon to each of several buyers, under the same quantity and per-user
 * limits as a claim: all of them get one, or (on any refusal) none does. A buyer listed
 * twice gets one.
 */
export async function grantCoupon({
  db,
  now,
  adminId,
  couponId,
  userIds,
}: {
  db: Database;
  now: Date;
  adminId: number;
  couponId: number;
  userIds: readonly number[];
}): Promise<UserCoupon[]> {
  const buyers = [...new Set(userIds)];
  if (buyers.length === 0)
    throw new AppError('VALIDATION', 'No buyer to grant to', { fieldErrors: { userIds: ['validation.invalid'] } });
  return db.transaction(async (tx) => {
    const granted = await issueCoupons(tx, { couponId, userIds: buyers, source: 'grant', now });
    await tx.insert(adminAuditLog).values({
      adminId,
      action: 'coupon.grant',
      entity: 'coupon',
      entityId: couponId,
      data: { userIds: buyers, userCouponIds: granted.map((row) => row.id) },
      at: now,
    });
    return granted;
  });
}
