import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import type { Database } from '@/db/client';
import { adminAuditLog, coupons, userCoupons } from '@/db/schema';
import { claimCoupon } from '@/lib/coupons/claim-coupon';
import { createCoupon } from '@/lib/coupons/create-coupon';
import { createCouponSchema, type CreateCouponInput } from '@/lib/coupons/create-coupon-schema';
import { grantCoupon } from '@/lib/coupons/grant-coupon';
import { listClaimableCoupons } from '@/lib/coupons/list-claimable-coupons';
import { listMyCoupons } from '@/lib/coupons/list-my-coupons';
import { seedBuyer } from '../support/factories';
import { at, DAY, HOUR, publishedAuction, yuan } from '../support/lifecycle';
import { databaseForEachTest, testDrivers } from '../support/test-database';

const T0 = new Date('2026-11-03T02:00:00Z');
const later = at(T0, HOUR);

async function newCoupon(db: Database, adminId: number, input: Partial<CreateCouponInput> = {}) {
  const parsed = createCouponSchema.parse({
    title: '满100减20',
    threshold: yuan(100),
    discount: yuan(20),
    validFrom: T0,
    validUntil: at(T0, 7 * DAY),
    totalQuantity: 10,
    perUserLimit: 1,
    ...input,
  });
  return createCoupon({ db, now: T0, adminId, input: parsed });
}

const exhausted = (reason: string) => ({ code: 'COUPON_EXHAUSTED', details: { params: { reason } } });
const notApplicable = (reason: string) => ({ code: 'COUPON_NOT_APPLICABLE', details: { params: { reason } } });

describe.each(testDrivers())('coupons on %s', (driver) => {
  const current = databaseForEachTest(driver);

  it('creates a coupon, scoped to an auction that exists, and audits it', async () => {
    const db = current().db;
    const admin = await seedBuyer(db, { role: 'admin' });
    const auction = await publishedAuction(db, T0);
    const coupon = await newCoupon(db, admin.id, { auctionId: auction.auctionId });
    expect(coupon).toMatchObject({
      status: 'active',
      issuedCount: 0,
      auctionId: auction.auctionId,
      discount: yuan(20),
    });
    const [audit] = await db.select().from(adminAuditLog);
    expect(audit).toMatchObject({
      adminId: admin.id,
      action: 'coupon.create',
      entity: 'coupon',
      entityId: coupon.id,
      at: T0,
    });
    await expect(newCoupon(db, admin.id, { auctionId: 987_654 })).rejects.toMatchObject({
      code: 'VALIDATION',
      details: { fieldErrors: { auctionId: ['validation.couponAuctionUnknown'] } },
    });
    expect(await db.$count(coupons)).toBe(1);
  });

  it('a buyer claims up to the per-user limit, and the counts follow', async () => {
    const db = current().db;
    const admin = await seedBuyer(db, { role: 'admin' });
    const buyer = await seedBuyer(db);
    const coupon = await newCoupon(db, admin.id, { perUserLimit: 2 });
    expect(await listClaimableCoupons({ db, now: later, userId: buyer.id })).toEqual([
      expect.objectContaining({ id: coupon.id, claimableByUser: 2 }),
    ]);
    const claimed = await claimCoupon({ db, now: later, userId: buyer.id, couponId: coupon.id });
    expect(claimed).toMatchObject({ couponId: coupon.id, userId: buyer.id, status: 'available', source: 'claim' });
    await claimCoupon({ db, now: later, userId: buyer.id, couponId: coupon.id });
    await expect(claimCoupon({ db, now: later, userId: buyer.id, couponId: coupon.id })).rejects.toMatchObject(
      exhausted('perUserLimit'),
    );
    expect(await listClaimableCoupons({ db, now: later, userId: buyer.id })).toEqual([
      expect.objectContaining({ id: coupon.id, claimableByUser: 0 }),
    ]);
    const [row] = await db.select().from(coupons).where(eq(coupons.id, coupon.id));
    expect(row!.issuedCount).toBe(2);
    // Never more than is left in all, whatever the per-user limit.
    const last = await newCoupon(db, admin.id, { totalQuantity: 1, perUserLimit: 3 });
    expect(await listClaimableCoupons({ db, now: later, userId: buyer.id })).toContainEqual(
      expect.objectContaining({ id: last.id, claimableByUser: 1 }),
    );
  });

  it('refuses a claim with the reason: sold out, disabled, not started, expired, unknown', async () => {
    const db = current().db;
    const admin = await seedBuyer(db, { role: 'admin' });
    const [first, second] = [await seedBuyer(db), await seedBuyer(db)];
    const single = await newCoupon(db, admin.id, { totalQuantity: 1 });
    await claimCoupon({ db, now: later, userId: first.id, couponId: single.id });
    await expect(claimCoupon({ db, now: later, userId: second.id, couponId: single.id })).rejects.toMatchObject(
      exhausted('soldOut'),
    );
    const coupon = await newCoupon(db, admin.id);
    const claim = (now: Date, couponId = coupon.id, userId = second.id) => claimCoupon({ db, now, userId, couponId });
    await expect(claim(at(T0, -1))).rejects.toMatchObject(notApplicable('notStarted'));
    await expect(claim(at(T0, 7 * DAY))).rejects.toMatchObject(notApplicable('expired'));
    await expect(claim(later, 987_654)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(claim(later, coupon.id, 987_654)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await db.update(coupons).set({ status: 'disabled' }).where(eq(coupons.id, coupon.id));
    await expect(claim(later)).rejects.toMatchObject(notApplicable('disabled'));
    expect(await db.$count(userCoupons)).toBe(1);
    expect(await listClaimableCoupons({ db, now: later, userId: second.id })).toEqual([]);
  });

  it('grants to several buyers at once, audited, under the same limits, all or nothing', async () => {
    const db = current().db;
    const admin = await seedBuyer(db, { role: 'admin' });
    const buyers = [await seedBuyer(db), await seedBuyer(db), await seedBuyer(db)];
    const ids = buyers.map((b) => b.id);
    const coupon = await newCoupon(db, admin.id, { totalQuantity: 4 });
    // One of them already claimed theirs: a grant would pass the per-user limit of 1.
    await claimCoupon({ db, now: later, userId: ids[0]!, couponId: coupon.id });
    await expect(
      grantCoupon({ db, now: later, adminId: admin.id, couponId: coupon.id, userIds: ids }),
    ).rejects.toMatchObject(exhausted('perUserLimit'));
    // Four asked for, three left.
    const others = [await seedBuyer(db), await seedBuyer(db)];
    await expect(
      grantCoupon({
        db,
        now: later,
        adminId: admin.id,
        couponId: coupon.id,
        userIds: [ids[1]!, ids[2]!, others[0]!.id, others[1]!.id],
      }),
    ).rejects.toMatchObject(exhausted('soldOut'));
    // An admin is no buyer, and an unknown id none either: nobody gets one.
    await expect(
      grantCoupon({ db, now: later, adminId: admin.id, couponId: coupon.id, userIds: [ids[1]!, admin.id] }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(
      grantCoupon({ db, now: later, adminId: admin.id, couponId: coupon.id, userIds: [ids[1]!, 987_654] }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(await db.$count(userCoupons)).toBe(1);
    expect(await db.$count(adminAuditLog, eq(adminAuditLog.action, 'coupon.grant'))).toBe(0);

    const granted = await grantCoupon({
      db,
      now: later,
      adminId: admin.id,
      couponId: coupon.id,
      userIds: [ids[1]!, ids[2]!, ids[2]!],
    });
    expect(granted.map((g) => [g.userId, g.source, g.status])).toEqual([
      [ids[1], 'grant', 'available'],
      [ids[2], 'grant', 'available'],
    ]);
    const [row] = await db.select().from(coupons).where(eq(coupons.id, coupon.id));
    expect(row!.issuedCount).toBe(3);
    const [audit] = await db.select().from(adminAuditLog).where(eq(adminAuditLog.action, 'coupon.grant'));
    expect(audit).toMatchObject({
      adminId: admin.id,
      entity: 'coupon',
      entityId: coupon.id,
      at: later,
      data: { userIds: [ids[1], ids[2]], userCouponIds: granted.map((g) => g.id) },
    });
  });

  it('the wallet says which coupons are usable now, and why not', async () => {
    const db = current().db;
    const admin = await seedBuyer(db, { role: 'admin' });
    const buyer = await seedBuyer(db);
    const usable = await newCoupon(db, admin.id, { title: '可用' });
    const expiring = await newCoupon(db, admin.id, { title: '将过期', validUntil: at(T0, 2 * HOUR) });
    const withdrawn = await newCoupon(db, admin.id, { title: '停用' });
    for (const coupon of [usable, expiring, withdrawn])
      await claimCoupon({ db, now: later, userId: buyer.id, couponId: coupon.id });
    await db.update(coupons).set({ status: 'disabled' }).where(eq(coupons.id, withdrawn.id));
    const [, used] = await grantCoupon({
      db,
      now: later,
      adminId: admin.id,
      couponId: (await newCoupon(db, admin.id, { title: '已用' })).id,
      userIds: [(await seedBuyer(db)).id, buyer.id],
    });
    await db.update(userCoupons).set({ status: 'used' }).where(eq(userCoupons.id, used!.id));

    const wallet = await listMyCoupons({ db, now: at(T0, 3 * HOUR), userId: buyer.id });
    expect(Object.fromEntries(wallet.map((w) => [w.coupon.title, [w.usableNow, w.unusableReason]]))).toEqual({
      可用: [true, null],
      将过期: [false, 'expired'],
      停用: [false, 'disabled'],
      已用: [false, 'notAvailable'],
    });
    expect(wallet).toHaveLength(4);
  });
});
