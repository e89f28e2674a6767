import 'server-only';
import { and, eq, ne } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { coupons } from '@/db/schema';
import { recordAdminAudit } from '@/lib/admin/audit';
import { AppError } from '@/lib/errors';

/**
 * An operator disables a coupon (no more claims, grants or payments with it; the wallets keep
 * their rows, shown as withdrawn) or enables it again. Setting the status it already has
 * changes and records nothing, so a double click is one effect.
 */
export async function setCouponStatus({
  db,
  now,
  adminId,
  ip,
  couponId,
  status,
}: {
  db: Database;
  now: Date;
  adminId: number;
  ip: string | null;
  couponId: number;
  status: 'active' | 'disabled';
}): Promise<{ changed: boolean }> {
  return db.transaction(async (tx) => {
    const [updated] = await tx
      .update(coupons)
      .set({ status, updatedAt: now })
      .where(and(eq(coupons.id, couponId), ne(coupons.status, status)))
      .returning({ id: coupons.id });
    if (!updated) {
      const [exists] = await tx.select({ id: coupons.id }).from(coupons).where(eq(coupons.id, couponId));
      if (!exists) throw new AppError('NOT_FOUND', 'No such coupon');
      return { changed: false };
    }
    await recordAdminAudit(tx, {
      adminId,
      action: status === 'disabled' ? 'coupon.disable' : 'coupon.enable',
      entity: 'coupon',
      entityId: couponId,
      before: { status: status === 'disabled' ? 'active' : 'disabled' },
      after: { status },
      ip,
      at: now,
    });
    return { changed: true };
  });
}
