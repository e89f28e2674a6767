import 'server-only';
import { eq } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { adminAuditLog, auctions, coupons, type Coupon } from '@/db/schema';
import { AppError } from '@/lib/errors';
import type { CreateCouponData } from './create-coupon-schema';

/** An admin creates a coupon (active at once, within its window); the audit log says who. */
export async function createCoupon({
  db,
  now,
  adminId,
  input,
}: {
  db: Database;
  now: Date;
  adminId: number;
  input: CreateCouponData;
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
    await tx.insert(adminAuditLog).values({
      adminId,
      action: 'coupon.create',
      entity: 'coupon',
      entityId: coupon!.id,
      data: { ...input },
      at: now,
    });
    return coupon!;
  });
}
