import 'server-only';
import { and, eq, sql } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { auctions, coupons, type Coupon } from '@/db/schema';
import { recordAdminAudit } from '@/lib/admin/audit';
import { AppError } from '@/lib/errors';
import type { CreateCouponData } from './create-coupon-schema';

type Field = keyof CreateCouponData;

/**
 * The terms a holder relied on when the coupon reached their wallet: once any was issued they
 * stay as they are, so nobody's coupon is worth less, usable later or somewhere else than when
 * they got it. The end of validity may still move later (never earlier), the title may change,
 * and the quantities may change within what was already issued.
 */
const TERMS: readonly Field[] = ['threshold', 'discount', 'validFrom', 'auctionId'];

const same = (a: unknown, b: unknown) =>
  a instanceof Date && b instanceof Date ? a.getTime() === b.getTime() : a === b;

function changedFields(coupon: Coupon, input: CreateCouponData): Field[] {
  return (Object.keys(input) as Field[]).filter((field) => !same(coupon[field], input[field]));
}

function refusalOnceIssued(coupon: Coupon, input: CreateCouponData, changed: readonly Field[]): AppError | null {
  if (coupon.issuedCount === 0) return null;
  const fieldErrors: Record<string, string[]> = Object.fromEntries(
    changed.filter((field) => TERMS.includes(field)).map((field) => [field, ['adminCoupons.lockedOnceIssued']]),
  );
  if (input.validUntil < coupon.validUntil) fieldErrors.validUntil = ['adminCoupons.onlyExtend'];
  return Object.keys(fieldErrors).length > 0
    ? new AppError('FIELD_LOCKED', 'Coupon terms are fixed once issued', { fieldErrors })
    : null;
}

/**
 * An operator edits a coupon. The row is locked, so a claim or grant waits for the edit (and the
 * edit for it); the update is also guarded on `issued_count`, so however two operators and the
 * buyers interleave, the total never drops below what was issued and the terms never change
 * under a coupon already in a wallet. Audited with the fields it changed, before and after.
 */
export async function updateCoupon({
  db,
  now,
  adminId,
  ip,
  couponId,
  input,
}: {
  db: Database;
  now: Date;
  adminId: number;
  ip: string | null;
  couponId: number;
  input: CreateCouponData;
}): Promise<Coupon> {
  return db.transaction(async (tx) => {
    const [coupon] = await tx.select().from(coupons).where(eq(coupons.id, couponId)).for('update');
    if (!coupon) throw new AppError('NOT_FOUND', 'No such coupon');
    const changed = changedFields(coupon, input);
    if (changed.length === 0) return coupon;
    const locked = refusalOnceIssued(coupon, input, changed);
    if (locked) throw locked;
    if (input.totalQuantity < coupon.issuedCount)
      throw new AppError('VALIDATION', 'Total below issued', {
        fieldErrors: { totalQuantity: ['adminCoupons.belowIssued'] },
      });
    if (changed.includes('auctionId') && input.auctionId !== null) {
      const [auction] = await tx.select({ id: auctions.id }).from(auctions).where(eq(auctions.id, input.auctionId));
      if (!auction)
        throw new AppError('VALIDATION', 'No such auction', {
          fieldErrors: { auctionId: ['validation.couponAuctionUnknown'] },
        });
    }
    const termsChanged = changed.some((field) => TERMS.includes(field));
    const [updated] = await tx
      .update(coupons)
      .set({ ...Object.fromEntries(changed.map((field) => [field, input[field]])), updatedAt: now })
      .where(
        and(
          eq(coupons.id, couponId),
          sql`${coupons.issuedCount} <= ${input.totalQuantity}`,
          termsChanged ? eq(coupons.issuedCount, 0) : undefined,
        ),
      )
      .returning();
    // The lock makes this unreachable on one connection; the guard keeps it true on any.
    if (!updated) throw new AppError('STALE_WRITE', 'Coupon changed while saving');
    await recordAdminAudit(tx, {
      adminId,
      action: 'coupon.update',
      entity: 'coupon',
      entityId: couponId,
      before: Object.fromEntries(changed.map((field) => [field, coupon[field]])),
      after: Object.fromEntries(changed.map((field) => [field, updated[field]])),
      ip,
      at: now,
    });
    return updated;
  });
}
