import { eq } from 'drizzle-orm';
import { createTranslator } from 'next-intl';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { adminAuditLog, coupons, users } from '@/db/schema';
import { zhCNMessages as messages } from '@/lib/i18n/messages';
import { setClock, fixedClock } from '@/lib/clock';
import { createCoupon } from '@/lib/coupons/create-coupon';
import { createCouponSchema } from '@/lib/coupons/create-coupon-schema';
import { seedBuyer } from '../support/factories';
import { at, DAY, yuan } from '../support/lifecycle';
import { databaseForEachTest, type TestDatabase } from '../support/test-database';

// The real actions run against this file's database; the session names a user, and the real
// currentUser reads them (a blocked account counts as signed out).
const state = vi.hoisted(() => ({ sessionUserId: null as number | null, database: null as TestDatabase | null }));
vi.mock('next/headers', () => ({ headers: async () => new Headers({ 'x-forwarded-for': '203.0.113.9' }) }));
vi.mock('@/lib/auth', () => ({
  auth: async () => (state.sessionUserId ? { user: { id: String(state.sessionUserId) } } : null),
}));
vi.mock('@/db', async (original) => ({
  ...(await original<typeof import('@/db')>()),
  db: () => state.database!.db,
  appDatabase: () => state.database!,
}));
vi.mock('next-intl/server', () => ({ getTranslations: async () => createTranslator({ locale: 'zh-CN', messages }) }));
vi.stubEnv('AUTH_SECRET', 'admin-people-actions-auth-secret-0123456789');
vi.stubEnv('CRON_SECRET', 'admin-people-actions-cron-secret-0123456789');
vi.stubEnv('APP_TIME_ZONE', 'Asia/Shanghai');
vi.stubEnv('TRUSTED_PROXY', '1');

const couponActions = await import('@/actions/admin-coupons');
const userActions = await import('@/actions/admin-users');

const now = new Date('2026-11-05T02:00:00Z');

describe('admin people actions', () => {
  const current = databaseForEachTest('pglite');
  let ids: { admin: number; buyer: number; blockedAdmin: number; couponId: number };

  beforeEach(async () => {
    state.database = current();
    const { db } = current();
    setClock(fixedClock(now));
    const admin = await seedBuyer(db, { role: 'admin' });
    const buyer = await seedBuyer(db);
    const blockedAdmin = await seedBuyer(db, { role: 'admin', blocked: true });
    const coupon = await createCoupon({
      db,
      now,
      adminId: admin.id,
      input: createCouponSchema.parse({
        title: '满100减20',
        threshold: yuan(100),
        discount: yuan(20),
        validFrom: now,
        validUntil: at(now, 7 * DAY),
        totalQuantity: 5,
        perUserLimit: 1,
      }),
    });
    ids = { admin: admin.id, buyer: buyer.id, blockedAdmin: blockedAdmin.id, couponId: coupon.id };
  });

  const form = {
    title: '新客券',
    threshold: '100',
    discount: '20',
    validFrom: '2026-11-05T10:00',
    validUntil: '2026-11-12T10:00',
    totalQuantity: 10,
    perUserLimit: 1,
    auctionId: null,
  };
  const calls: Record<string, () => Promise<{ ok: boolean }>> = {
    createCouponAction: () => couponActions.createCouponAction(form),
    updateCouponAction: () =>
      couponActions.updateCouponAction({ couponId: ids.couponId, coupon: { ...form, totalQuantity: 7 } }),
    setCouponStatusAction: () => couponActions.setCouponStatusAction({ couponId: ids.couponId, status: 'disabled' }),
    grantCouponAction: () => couponActions.grantCouponAction({ couponId: ids.couponId, userIds: [ids.buyer] }),
    searchBuyersAction: () => couponActions.searchBuyersAction({ query: '买家' }),
    changeRoleAction: () => userActions.changeRoleAction({ userId: ids.buyer, role: 'admin' }),
    setBiddingBlockAction: () => userActions.setBiddingBlockAction({ userId: ids.buyer, blocked: true }),
    liftStrikesAction: () => userActions.liftStrikesAction({ userId: ids.buyer }),
  };

  const auditCount = async () => current().db.$count(adminAuditLog);

  describe.each(Object.keys(calls))('%s', (name) => {
    const callers: [string, () => number | null, string][] = [
      ['anonymous', () => null, 'UNAUTHENTICATED'],
      ['a buyer', () => ids.buyer, 'FORBIDDEN'],
      ['a blocked admin', () => ids.blockedAdmin, 'UNAUTHENTICATED'],
    ];
    it.each(callers)('refuses %s and writes nothing', async (_, who, code) => {
      state.sessionUserId = who();
      const before = await auditCount();
      await expect(calls[name]!()).resolves.toMatchObject({ ok: false, code });
      expect(await auditCount()).toBe(before);
    });

    it('works for an admin', async () => {
      state.sessionUserId = ids.admin;
      await expect(calls[name]!()).resolves.toMatchObject({ ok: true });
    });
  });

  it('writes the caller’s address into the audit entry', async () => {
    state.sessionUserId = ids.admin;
    await couponActions.setCouponStatusAction({ couponId: ids.couponId, status: 'disabled' });
    const [entry] = await current().db.select().from(adminAuditLog).where(eq(adminAuditLog.action, 'coupon.disable'));
    expect(entry).toMatchObject({ adminId: ids.admin, ip: '203.0.113.9' });
  });

  it('answers hostile input with per-field messages and writes nothing', async () => {
    state.sessionUserId = ids.admin;
    const before = await auditCount();
    const result = await couponActions.createCouponAction({
      ...form,
      title: 'x'.repeat(61),
      threshold: 'abc',
    } as never);
    expect(result).toMatchObject({ ok: false, code: 'VALIDATION' });
    expect(result.ok || result.fieldErrors.threshold).toEqual(['请输入金额，例如 100 或 99.50']);
    for (const raw of [undefined, 'x', 42, [], { couponId: -1, status: 'disabled' }, { couponId: 1, status: 'gone' }])
      await expect(couponActions.setCouponStatusAction(raw as never)).resolves.toMatchObject({
        ok: false,
        code: 'VALIDATION',
      });
    await expect(
      couponActions.grantCouponAction({ couponId: ids.couponId, userIds: Array.from({ length: 51 }, (_, i) => i + 1) }),
    ).resolves.toMatchObject({ ok: false, code: 'VALIDATION' });
    await expect(userActions.changeRoleAction({ userId: ids.buyer, role: 'root' } as never)).resolves.toMatchObject({
      ok: false,
      code: 'VALIDATION',
    });
    await expect(couponActions.searchBuyersAction({ query: 'a\u0000' })).resolves.toMatchObject({ ok: false });
    expect(await auditCount()).toBe(before);
    const [coupon] = await current().db.select().from(coupons).where(eq(coupons.id, ids.couponId));
    expect(coupon!.status).toBe('active');
  });

  it('refuses demoting yourself with a readable message', async () => {
    state.sessionUserId = ids.admin;
    const result = await userActions.changeRoleAction({ userId: ids.admin, role: 'buyer' });
    expect(result).toMatchObject({ ok: false, code: 'WRONG_STATE', fieldErrors: { role: ['不能修改自己的角色'] } });
    const [admin] = await current().db.select().from(users).where(eq(users.id, ids.admin));
    expect(admin!.role).toBe('admin');
  });
});
