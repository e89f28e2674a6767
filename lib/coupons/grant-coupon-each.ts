import 'server-only';
import { eq } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { coupons } from '@/db/schema';
import { recordAdminAudit } from '@/lib/admin/audit';
import { AppError, isAppError } from '@/lib/errors';
import { issueCoupons } from './issue-coupons';

export type GrantRefusal = 'soldOut' | 'perUserLimit' | 'notBuyer';
export type GrantOutcome = { userId: number; granted: true } | { userId: number; granted: false; reason: GrantRefusal };

function refusalOf(error: unknown): GrantRefusal | null {
  if (!isAppError(error)) return null;
  if (error.code === 'NOT_FOUND') return 'notBuyer';
  const reason = error.details.params?.reason;
  return error.code === 'COUPON_EXHAUSTED' && (reason === 'soldOut' || reason === 'perUserLimit') ? reason : null;
}

/**
 * An operator grants a coupon to each of the buyers they picked, one by one, under the same
 * limits as a claim (issueCoupons): each buyer gets one or is reported with the limit they
 * hit, so the operator sees who got it. (grantCoupon is the all-or-nothing form.) A coupon
 * that cannot be given at all (unknown, disabled, outside its validity) refuses the whole
 * grant. One audit entry names who got one and who did not.
 */
export async function grantCouponEach({
  db,
  now,
  adminId,
  ip,
  couponId,
  userIds,
}: {
  db: Database;
  now: Date;
  adminId: number;
  ip: string | null;
  couponId: number;
  userIds: readonly number[];
}): Promise<GrantOutcome[]> {
  const buyers = [...new Set(userIds)];
  if (buyers.length === 0)
    throw new AppError('VALIDATION', 'No buyer to grant to', { fieldErrors: { userIds: ['adminCoupons.pickUsers'] } });
  return db.transaction(async (tx) => {
    const [before] = await tx
      .select({ issuedCount: coupons.issuedCount })
      .from(coupons)
      .where(eq(coupons.id, couponId));
    if (!before) throw new AppError('NOT_FOUND', 'No such coupon');
    const outcomes: GrantOutcome[] = [];
    for (const userId of buyers) {
      try {
        // A savepoint per buyer: a refusal undoes only that buyer's part.
        await tx.transaction((each) => issueCoupons(each, { couponId, userIds: [userId], source: 'grant', now }));
        outcomes.push({ userId, granted: true });
      } catch (error) {
        const reason = refusalOf(error);
        if (!reason) throw error;
        outcomes.push({ userId, granted: false, reason });
      }
    }
    const granted = outcomes.filter((outcome) => outcome.granted).map((outcome) => outcome.userId);
    if (granted.length > 0)
      await recordAdminAudit(tx, {
        adminId,
        action: 'coupon.grant',
        entity: 'coupon',
        entityId: couponId,
        before: { issuedCount: before.issuedCount },
        after: { issuedCount: before.issuedCount + granted.length },
        details: { granted, refused: outcomes.filter((outcome) => !outcome.granted) },
        ip,
        at: now,
      });
    return outcomes;
  });
}
