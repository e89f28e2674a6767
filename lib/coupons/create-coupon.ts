import 'server-only';
import { eq } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { auctions, coupons, type Coupon } from '@/db/schema';
import { recordAdminAudit } from '@/lib/admin/audit';
import { AppError } from '@/lib/errors';
import type { CreateCouponData } from './create-coupon-schema';

/** An admin creates a coupon (active at once, within its window); the audit log says who. */
export async function createCoupon({
  db,
  now,
  adminId,
  input,
  ip = null,
}: {
  db: Database;
  now: Date;
  adminId: number;
  input: CreateCouponData;
  ip?: string | null;
}): Promise<Coupon> {
  return db.transaction(async (tx) => {
    if (input.auctionId !== null) {
      const [auction] = await tx.select({ id: auctions.id }).from(auctions).where(eq(auctions.id, input.auctionId));
      if (!auction)
        throw new AppError('VALIDATION', 'No such auction', {
          fieldErrors: { auctionId: ['validation.couponAuctionUnknown'] },
        });
    }
    const [coupon] = await tx.insert(coupons).values(input).returning();
    await recordAdminAudit(tx, {
      adminId,
      action: 'coupon.create',
      entity: 'coupon',
      entityId: coupon!.id,
      after: { ...input },
      ip,
      at: now,
    });
    return coupon!;
  });
}
