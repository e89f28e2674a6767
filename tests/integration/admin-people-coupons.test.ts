import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import type { Database } from '@/db/client';
import { adminAuditLog, coupons, userCoupons } from '@/db/schema';
import { claimCoupon } from '@/lib/coupons/claim-coupon';
import { couponUsage } from '@/lib/coupons/coupon-usage';
import { createCoupon } from '@/lib/coupons/create-coupon';
import { createCouponSchema, type CreateCouponData, type CreateCouponInput } from '@/lib/coupons/create-coupon-schema';
import { grantCouponEach } from '@/lib/coupons/grant-coupon-each';
import { getCoupon, listCoupons } from '@/lib/coupons/list-coupons';
import { setCouponStatus } from '@/lib/coupons/set-coupon-status';
import { updateCoupon } from '@/lib/coupons/update-coupon';
import { pageRequest } from '@/lib/pagination';
import { seedBuyer } from '../support/factories';
import { at, DAY, HOUR, publishedAuction, yuan } from '../support/lifecycle';
import { databaseForEachTest, testDrivers } from '../support/test-database';

const T0 = new Date('2026-11-03T02:00:00Z');
const later = at(T0, HOUR);

const terms = (input: Partial<CreateCouponInput> = {}): CreateCouponData =>
  createCouponSchema.parse({
    title: '满100减20',
    threshold: yuan(100),
    discount: yuan(20),
    validFrom: T0,
    validUntil: at(T0, 7 * DAY),
    totalQuantity: 10,
    perUserLimit: 1,
    ...input,
  });

async function setup(db: Database, input: Partial<CreateCouponInput> = {}) {
  const admin = await seedBuyer(db, { role: 'admin' });
  const coupon = await createCoupon({ db, now: T0, adminId: admin.id, input: terms(input), ip: '10.0.0.1' });
  return { admin, coupon };
}

const edit = (db: Database, adminId: number, couponId: number, input: Partial<CreateCouponInput>) =>
  updateCoupon({ db, now: later, adminId, ip: null, couponId, input: terms(input) });

describe.each(testDrivers())('admin coupon verbs on %s', (driver) => {
  const current = databaseForEachTest(driver);

  it('edits everything before any was issued, audited with before and after of what changed', async () => {
    const db = current().db;
    const { admin, coupon } = await setup(db);
    const { auctionId } = await publishedAuction(db, T0);
    const updated = await edit(db, admin.id, coupon.id, {
      title: '满200减50',
      threshold: yuan(200),
      discount: yuan(50),
      auctionId,
    });
    expect(updated).toMatchObject({ title: '满200减50', threshold: yuan(200), discount: yuan(50), auctionId });
    const [audit] = await db.select().from(adminAuditLog).where(eq(adminAuditLog.action, 'coupon.update'));
    expect(audit).toMatchObject({
      adminId: admin.id,
      entity: 'coupon',
      entityId: coupon.id,
      at: later,
      data: {
        before: { title: '满100减20', threshold: yuan(100), discount: yuan(20), auctionId: null },
        after: { title: '满200减50', threshold: yuan(200), discount: yuan(50), auctionId },
      },
    });
    // Saving the same values changes and records nothing.
    await edit(db, admin.id, coupon.id, { title: '满200减50', threshold: yuan(200), discount: yuan(50), auctionId });
    expect(await db.$count(adminAuditLog, eq(adminAuditLog.action, 'coupon.update'))).toBe(1);
  });

  it('once issued: terms and start are locked, validity only extends, the total never drops below issued', async () => {
    const db = current().db;
    const { admin, coupon } = await setup(db, { totalQuantity: 5 });
    for (let n = 0; n < 3; n++)
      await claimCoupon({ db, now: later, userId: (await seedBuyer(db)).id, couponId: coupon.id });
    await expect(edit(db, admin.id, coupon.id, { discount: yuan(30), validFrom: at(T0, -HOUR) })).rejects.toMatchObject(
      {
        code: 'FIELD_LOCKED',
        details: {
          fieldErrors: { discount: ['adminCoupons.lockedOnceIssued'], validFrom: ['adminCoupons.lockedOnceIssued'] },
        },
      },
    );
    await expect(edit(db, admin.id, coupon.id, { validUntil: at(T0, 2 * DAY) })).rejects.toMatchObject({
      code: 'FIELD_LOCKED',
      details: { fieldErrors: { validUntil: ['adminCoupons.onlyExtend'] } },
    });
    await expect(edit(db, admin.id, coupon.id, { totalQuantity: 2 })).rejects.toMatchObject({
      code: 'VALIDATION',
      details: { fieldErrors: { totalQuantity: ['adminCoupons.belowIssued'] } },
    });
    const [unchanged] = await db.select().from(coupons).where(eq(coupons.id, coupon.id));
    expect(unchanged).toMatchObject({ discount: yuan(20), totalQuantity: 5, validUntil: at(T0, 7 * DAY) });
    const updated = await edit(db, admin.id, coupon.id, {
      title: '改名',
      totalQuantity: 3,
      perUserLimit: 2,
      validUntil: at(T0, 9 * DAY),
    });
    expect(updated).toMatchObject({ title: '改名', totalQuantity: 3, perUserLimit: 2, issuedCount: 3 });
    await expect(edit(db, admin.id, 987_654, {})).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(edit(db, admin.id, coupon.id, { auctionId: 987_654, totalQuantity: 3 })).rejects.toMatchObject({
      code: 'FIELD_LOCKED',
    });
  });

  it('refuses an unknown auction scope before any was issued', async () => {
    const db = current().db;
    const { admin, coupon } = await setup(db);
    await expect(edit(db, admin.id, coupon.id, { auctionId: 987_654 })).rejects.toMatchObject({
      code: 'VALIDATION',
      details: { fieldErrors: { auctionId: ['validation.couponAuctionUnknown'] } },
    });
  });

  it('two operators and buyers at once never push the total below what was issued', async () => {
    const db = current().db;
    const { admin, coupon } = await setup(db, { totalQuantity: 6, perUserLimit: 1 });
    const other = await seedBuyer(db, { role: 'admin' });
    const buyers = await Promise.all(Array.from({ length: 4 }, () => seedBuyer(db)));
    await Promise.allSettled([
      edit(db, admin.id, coupon.id, { totalQuantity: 2 }),
      ...buyers.map((buyer) => claimCoupon({ db, now: later, userId: buyer.id, couponId: coupon.id })),
      edit(db, other.id, coupon.id, { totalQuantity: 3 }),
    ]);
    const [row] = await db.select().from(coupons).where(eq(coupons.id, coupon.id));
    expect(row!.issuedCount).toBeLessThanOrEqual(row!.totalQuantity);
    expect(await db.$count(userCoupons, eq(userCoupons.couponId, coupon.id))).toBe(row!.issuedCount);
    // And the later edit, made on a form read before the claims, is refused rather than lowering it.
    if (row!.issuedCount > 2)
      await expect(edit(db, admin.id, coupon.id, { totalQuantity: 2 })).rejects.toMatchObject({ code: 'VALIDATION' });
  });

  it('disables and enables again, once per click, audited; an unknown coupon is not found', async () => {
    const db = current().db;
    const { admin, coupon } = await setup(db);
    const buyer = await seedBuyer(db);
    const set = (status: 'active' | 'disabled') =>
      setCouponStatus({ db, now: later, adminId: admin.id, ip: null, couponId: coupon.id, status });
    expect(await set('disabled')).toEqual({ changed: true });
    expect(await set('disabled')).toEqual({ changed: false });
    await expect(claimCoupon({ db, now: later, userId: buyer.id, couponId: coupon.id })).rejects.toMatchObject({
      code: 'COUPON_NOT_APPLICABLE',
    });
    expect((await getCoupon({ db, now: later, couponId: coupon.id }))!.state).toBe('disabled');
    expect(await set('active')).toEqual({ changed: true });
    await claimCoupon({ db, now: later, userId: buyer.id, couponId: coupon.id });
    const audits = await db.select().from(adminAuditLog).where(eq(adminAuditLog.entityId, coupon.id));
    expect(audits.filter((a) => a.action !== 'coupon.create').map((a) => [a.action, a.data])).toEqual([
      ['coupon.disable', { before: { status: 'active' }, after: { status: 'disabled' } }],
      ['coupon.enable', { before: { status: 'disabled' }, after: { status: 'active' } }],
    ]);
    await expect(
      setCouponStatus({ db, now: later, adminId: admin.id, ip: null, couponId: 987_654, status: 'disabled' }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('grants to each buyer picked and says who hit which limit', async () => {
    const db = current().db;
    const { admin, coupon } = await setup(db, { totalQuantity: 3, perUserLimit: 1 });
    const [holder, fresh, third, late] = await Promise.all(Array.from({ length: 4 }, () => seedBuyer(db)));
    await claimCoupon({ db, now: later, userId: holder!.id, couponId: coupon.id });
    const outcomes = await grantCouponEach({
      db,
      now: later,
      adminId: admin.id,
      ip: '10.0.0.2',
      couponId: coupon.id,
      userIds: [holder!.id, fresh!.id, admin.id, third!.id, late!.id, fresh!.id],
    });
    expect(outcomes).toEqual([
      { userId: holder!.id, granted: false, reason: 'perUserLimit' },
      { userId: fresh!.id, granted: true },
      { userId: admin.id, granted: false, reason: 'notBuyer' },
      { userId: third!.id, granted: true },
      { userId: late!.id, granted: false, reason: 'soldOut' },
    ]);
    const [row] = await db.select().from(coupons).where(eq(coupons.id, coupon.id));
    expect(row!.issuedCount).toBe(3);
    expect(await db.$count(userCoupons, eq(userCoupons.couponId, coupon.id))).toBe(3);
    const [audit] = await db.select().from(adminAuditLog).where(eq(adminAuditLog.action, 'coupon.grant'));
    expect(audit).toMatchObject({
      ip: '10.0.0.2',
      data: { before: { issuedCount: 1 }, after: { issuedCount: 3 }, granted: [fresh!.id, third!.id] },
    });
    // A coupon that cannot be given at all refuses the whole grant.
    await setCouponStatus({ db, now: later, adminId: admin.id, ip: null, couponId: coupon.id, status: 'disabled' });
    await expect(
      grantCouponEach({ db, now: later, adminId: admin.id, ip: null, couponId: coupon.id, userIds: [late!.id] }),
    ).rejects.toMatchObject({ code: 'COUPON_NOT_APPLICABLE' });
    await expect(
      grantCouponEach({ db, now: later, adminId: admin.id, ip: null, couponId: 987_654, userIds: [late!.id] }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(
      grantCouponEach({ db, now: later, adminId: admin.id, ip: null, couponId: coupon.id, userIds: [] }),
    ).rejects.toMatchObject({ code: 'VALIDATION' });
  });

  it('lists coupons with their state at now, counts and scope; usage names each holder', async () => {
    const db = current().db;
    const { admin, coupon } = await setup(db, { totalQuantity: 2 });
    const { auctionId } = await publishedAuction(db, T0);
    await createCoupon({
      db,
      now: T0,
      adminId: admin.id,
      input: terms({ title: '专场券', auctionId, validFrom: at(T0, DAY) }),
    });
    const [a, b] = await Promise.all([seedBuyer(db), seedBuyer(db)]);
    await grantCouponEach({
      db,
      now: later,
      adminId: admin.id,
      ip: null,
      couponId: coupon.id,
      userIds: [a!.id, b!.id],
    });
    await db
      .update(userCoupons)
      .set({ status: 'used' })
      .where(and(eq(userCoupons.couponId, coupon.id), eq(userCoupons.userId, b!.id)));
    const list = await listCoupons({ db, now: later, page: pageRequest(1, 10) });
    expect(
      list.items.map((row) => [
        row.title,
        row.state,
        row.issuedCount,
        row.usedCount,
        row.unusedCount,
        row.auctionTitle,
      ]),
    ).toEqual([
      ['专场券', 'notStarted', 0, 0, 0, '测试专场'],
      ['满100减20', 'soldOut', 2, 1, 1, null],
    ]);
    expect(
      (await listCoupons({ db, now: at(T0, 8 * DAY), page: pageRequest(1, 10) })).items.map((r) => r.state),
    ).toEqual(['expired', 'expired']);
    const usage = await couponUsage({ db, couponId: coupon.id, page: pageRequest(1, 10) });
    expect(usage.items.map((row) => [row.userName, row.status, row.source])).toEqual([
      [b!.name, 'used', 'grant'],
      [a!.name, 'available', 'grant'],
    ]);
  });
});
