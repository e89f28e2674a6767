import { and, eq } from 'drizzle-orm';
import { createTranslator } from 'next-intl';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { addresses, coupons, orders, payments, userCoupons, users, type NewCoupon } from '@/db/schema';
import type { CurrentUser } from '@/lib/auth/current-user';
import { fixedClock, setClock } from '@/lib/clock';
import { zhCNMessages as messages } from '@/lib/i18n/messages';
import { shipOrder } from '@/lib/orders/ship-order';
import { seedBuyer } from '../support/factories';
import { DAY, HOUR, at, confirmCharge, testAddress, wonOrder, yuan } from '../support/lifecycle';
import { databaseForEachTest, type TestDatabase } from '../support/test-database';

// The real action modules run against this file's database as whoever `state.user` is.
const state = vi.hoisted(() => ({ user: null as CurrentUser | null, database: null as TestDatabase | null }));
vi.mock('next/headers', () => ({ headers: async () => new Headers() }));
vi.mock('@/lib/auth/current-user', () => ({ currentUser: async () => state.user }));
vi.mock('@/db', async (original) => ({
  ...(await original<typeof import('@/db')>()),
  db: () => state.database!.db,
  appDatabase: () => state.database!,
}));
vi.mock('next-intl/server', () => ({ getTranslations: async () => createTranslator({ locale: 'zh-CN', messages }) }));
vi.stubEnv('AUTH_SECRET', 'buyer-orders-actions-auth-secret-0123456789');
vi.stubEnv('CRON_SECRET', 'buyer-orders-actions-cron-secret-0123456789');

const { payOrderAction, confirmReceiptAction } = await import('@/actions/orders');
const { saveAddressAction, deleteAddressAction, setDefaultAddressAction } = await import('@/actions/addresses');
const { claimCouponAction } = await import('@/actions/coupons');
const { updateProfileAction } = await import('@/actions/profile');

const T0 = new Date('2026-11-20T02:00:00Z');
const as = (user: { id: number; name: string }, role: 'buyer' | 'admin' = 'buyer') => {
  state.user = { id: user.id, name: user.name, role };
};
const address = (overrides: Partial<typeof testAddress> = {}) => ({
  id: null,
  isDefault: false,
  ...testAddress,
  ...overrides,
});

describe('buyer account actions', () => {
  const current = databaseForEachTest('pglite');
  let db: TestDatabase['db'];
  let owner: Awaited<ReturnType<typeof wonOrder>>;
  let other: Awaited<ReturnType<typeof seedBuyer>>;
  let payAt: Date;

  beforeEach(async () => {
    state.database = current();
    db = current().db;
    owner = await wonOrder(db, { now: T0 });
    other = await seedBuyer(db);
    payAt = at(owner.auction.endsAt, HOUR);
    setClock(fixedClock(payAt));
    as(owner.buyer);
  });

  const defaults = async (userId: number) =>
    (await db.select().from(addresses).where(eq(addresses.userId, userId))).filter((row) => row.isDefault);

  async function ownAddress(overrides: Partial<typeof testAddress> = {}) {
    const saved = await saveAddressAction(address(overrides));
    if (!saved.ok) throw new Error(saved.error);
    return saved.data.id;
  }

  async function walletCoupon(userId: number, coupon: Partial<NewCoupon> = {}) {
    const [row] = await db
      .insert(coupons)
      .values({
        title: '满100减20',
        threshold: yuan(100),
        discount: yuan(20),
        validFrom: T0,
        validUntil: at(T0, 10 * DAY),
        totalQuantity: 100,
        issuedCount: 1,
        ...coupon,
      })
      .returning();
    const [held] = await db.insert(userCoupons).values({ userId, couponId: row!.id, source: 'grant' }).returning();
    return held!.id;
  }

  describe('refusals before any input is read', () => {
    const calls = () => [
      payOrderAction({ orderId: owner.order.id, addressId: 1, userCouponId: null }),
      confirmReceiptAction({ orderId: owner.order.id }),
      saveAddressAction(address()),
      deleteAddressAction({ addressId: 1 }),
      setDefaultAddressAction({ addressId: 1 }),
      claimCouponAction({ couponId: 1 }),
      updateProfileAction({ name: '新名字' }),
    ];

    it('refuses anonymous callers (a blocked buyer counts as signed out) and admins, writing nothing', async () => {
      for (const [user, code] of [
        [null, 'UNAUTHENTICATED'],
        [{ id: owner.buyer.id, name: 'x', role: 'admin' as const }, 'FORBIDDEN'],
      ] as const) {
        state.user = user;
        for (const result of await Promise.all(calls())) expect(result).toMatchObject({ ok: false, code });
      }
      expect(await db.select().from(addresses)).toHaveLength(0);
      expect(await db.select().from(payments).where(eq(payments.purpose, 'order'))).toHaveLength(0);
      const [me] = await db.select({ name: users.name }).from(users).where(eq(users.id, owner.buyer.id));
      expect(me!.name).toBe(owner.buyer.name);
    });

    it('answers hostile shapes with VALIDATION, never a throw', async () => {
      for (const raw of [
        undefined,
        'x',
        42,
        [],
        { orderId: '1', addressId: '1', userCouponId: null },
        { orderId: -1 },
      ]) {
        expect(await payOrderAction(raw as never)).toMatchObject({ ok: false, code: 'VALIDATION' });
        expect(await deleteAddressAction(raw as never)).toMatchObject({ ok: false, code: 'VALIDATION' });
      }
    });
  });

  describe('address book', () => {
    it('makes the first address the default, moves the default atomically, and passes it on when deleted', async () => {
      const first = await ownAddress();
      expect((await defaults(owner.buyer.id)).map((row) => row.id)).toEqual([first]);
      const second = await ownAddress({ recipient: '林二' });
      expect((await defaults(owner.buyer.id)).map((row) => row.id)).toEqual([first]);
      expect(await setDefaultAddressAction({ addressId: second })).toMatchObject({ ok: true });
      expect((await defaults(owner.buyer.id)).map((row) => row.id)).toEqual([second]);
      const third = await saveAddressAction(address({ recipient: '林三' }));
      expect(third.ok).toBe(true);
      const edited = await saveAddressAction({ ...address({ city: '宁波市' }), id: first, isDefault: true });
      expect(edited).toMatchObject({ ok: true });
      expect((await defaults(owner.buyer.id)).map((row) => [row.id, row.city])).toEqual([[first, '宁波市']]);
      expect(await deleteAddressAction({ addressId: first })).toMatchObject({ ok: true });
      expect((await defaults(owner.buyer.id)).map((row) => row.id)).toEqual([second]);
    });

    it('refuses a bad phone, oversized and control-character fields as field errors, writing nothing', async () => {
      const result = await saveAddressAction(
        address({ phone: '12345', recipient: 'x'.repeat(51), detail: 'a\u0000b', province: '' }),
      );
      expect(result).toMatchObject({ ok: false, code: 'VALIDATION' });
      if (result.ok) return;
      expect(Object.keys(result.fieldErrors).sort()).toEqual(['detail', 'phone', 'province', 'recipient']);
      expect(result.fieldErrors.phone).toEqual(['请输入 11 位中国大陆手机号']);
      expect(await db.select().from(addresses)).toHaveLength(0);
    });

    it('refuses a twenty-first address', async () => {
      await db.insert(addresses).values(
        Array.from({ length: 20 }, (_, index) => ({
          ...testAddress,
          userId: owner.buyer.id,
          isDefault: index === 0,
        })),
      );
      const result = await saveAddressAction(address());
      expect(result).toMatchObject({
        ok: false,
        code: 'VALIDATION',
        fieldErrors: { _form: ['地址簿已满，请先删除不用的地址'] },
      });
      expect(await db.select().from(addresses)).toHaveLength(20);
    });

    it("never lets another buyer edit, delete or take as default someone else's address (IDOR)", async () => {
      const mine = await ownAddress();
      as(other);
      expect(await saveAddressAction({ ...address({ city: '黑客市' }), id: mine })).toMatchObject({
        ok: false,
        code: 'NOT_FOUND',
      });
      expect(await deleteAddressAction({ addressId: mine })).toMatchObject({ ok: false, code: 'NOT_FOUND' });
      expect(await setDefaultAddressAction({ addressId: mine })).toMatchObject({ ok: false, code: 'NOT_FOUND' });
      const [row] = await db.select().from(addresses).where(eq(addresses.id, mine));
      expect(row).toMatchObject({ userId: owner.buyer.id, city: testAddress.city, isDefault: true });
      expect(await db.select().from(addresses).where(eq(addresses.userId, other.id))).toHaveLength(0);
    });
  });

  describe('paying an order', () => {
    it('pays with a coupon: the charge is the final amount and a double tap opens one charge', async () => {
      const addressId = await ownAddress();
      const userCouponId = await walletCoupon(owner.buyer.id);
      const input = { orderId: owner.order.id, addressId, userCouponId };
      const [first, second] = [await payOrderAction(input), await payOrderAction(input)];
      expect(first).toMatchObject({ ok: true, data: { paid: false } });
      expect(second).toEqual(first);
      const charges = await db.select().from(payments).where(eq(payments.orderId, owner.order.id));
      expect(charges).toHaveLength(1);
      // ¥100 hammer price, no premium in this auction, ¥20 off.
      expect(charges[0]).toMatchObject({ status: 'pending', amount: yuan(80) });
      await confirmCharge(db, charges[0]!.id, payAt);
      const [paid] = await db.select().from(orders).where(eq(orders.id, owner.order.id));
      expect(paid).toMatchObject({ status: 'paid', couponDiscount: yuan(20), shippingAddress: testAddress });
    });

    it('replaces the open charge when the buyer changes the coupon, giving the first coupon back', async () => {
      const addressId = await ownAddress();
      const coupon = await walletCoupon(owner.buyer.id);
      await payOrderAction({ orderId: owner.order.id, addressId, userCouponId: coupon });
      await payOrderAction({ orderId: owner.order.id, addressId, userCouponId: null });
      const charges = await db.select().from(payments).where(eq(payments.orderId, owner.order.id));
      expect(charges.map((charge) => [charge.status, charge.amount])).toEqual([
        ['cancelled', yuan(80)],
        ['pending', yuan(100)],
      ]);
      const [held] = await db.select().from(userCoupons).where(eq(userCoupons.id, coupon));
      expect(held!.status).toBe('available');
    });

    it('pays at once, without a charge, when the coupon covers the whole order', async () => {
      const addressId = await ownAddress();
      const userCouponId = await walletCoupon(owner.buyer.id, { threshold: 0, discount: yuan(500) });
      const result = await payOrderAction({ orderId: owner.order.id, addressId, userCouponId });
      expect(result).toEqual({ ok: true, data: { paid: true } });
      const [paid] = await db.select().from(orders).where(eq(orders.id, owner.order.id));
      expect(paid).toMatchObject({ status: 'paid', amountDue: 0 });
      expect(await db.select().from(payments).where(eq(payments.orderId, owner.order.id))).toHaveLength(0);
    });

    it('refuses an inapplicable coupon with the reason, writing nothing', async () => {
      const addressId = await ownAddress();
      const userCouponId = await walletCoupon(owner.buyer.id, { threshold: yuan(1_000) });
      const result = await payOrderAction({ orderId: owner.order.id, addressId, userCouponId });
      expect(result).toMatchObject({ ok: false, code: 'COUPON_NOT_APPLICABLE', params: { reason: 'belowThreshold' } });
      if (!result.ok) expect(result.error).toContain('订单金额未达到使用门槛');
      expect(await db.select().from(payments).where(eq(payments.orderId, owner.order.id))).toHaveLength(0);
      const [order] = await db.select().from(orders).where(eq(orders.id, owner.order.id));
      expect(order).toMatchObject({ couponDiscount: 0, shippingAddress: null });
    });

    it('refuses after the due time', async () => {
      const addressId = await ownAddress();
      setClock(fixedClock(at(owner.dueAt, 1)));
      expect(await payOrderAction({ orderId: owner.order.id, addressId, userCouponId: null })).toMatchObject({
        ok: false,
        code: 'PAYMENT_WINDOW_CLOSED',
      });
    });

    it("never lets another buyer pay someone else's order, or pay with someone else's address or coupon (IDOR)", async () => {
      const ownersAddress = await ownAddress();
      const ownersCoupon = await walletCoupon(owner.buyer.id);
      as(other);
      const othersAddress = await ownAddress();
      expect(
        await payOrderAction({ orderId: owner.order.id, addressId: othersAddress, userCouponId: null }),
      ).toMatchObject({ ok: false, code: 'NOT_FOUND' });
      expect(
        await payOrderAction({ orderId: owner.order.id, addressId: ownersAddress, userCouponId: null }),
      ).toMatchObject({ ok: false, code: 'NOT_FOUND' });
      // Their own order, with the owner's coupon: refused like a missing coupon.
      const theirs = await wonOrder(db, { now: T0 });
      as(theirs.buyer);
      const theirAddress = await ownAddress();
      setClock(fixedClock(at(theirs.auction.endsAt, HOUR)));
      expect(
        await payOrderAction({ orderId: theirs.order.id, addressId: theirAddress, userCouponId: ownersCoupon }),
      ).toMatchObject({ ok: false, code: 'COUPON_NOT_APPLICABLE', params: { reason: 'notFound' } });
      expect(await db.select().from(payments).where(eq(payments.purpose, 'order'))).toHaveLength(0);
    });
  });

  describe('confirming receipt', () => {
    it("confirms the buyer's own shipped order, and refuses another buyer and an unshipped order", async () => {
      const addressId = await ownAddress();
      expect(await confirmReceiptAction({ orderId: owner.order.id })).toMatchObject({ ok: false, code: 'WRONG_STATE' });
      await payOrderAction({ orderId: owner.order.id, addressId, userCouponId: null });
      const [charge] = await db.select().from(payments).where(eq(payments.orderId, owner.order.id));
      await confirmCharge(db, charge!.id, payAt);
      const admin = await seedBuyer(db, { role: 'admin' });
      await shipOrder({
        db,
        orderId: owner.order.id,
        now: payAt,
        carrier: '顺丰速运',
        trackingNo: 'SF1234567890',
        adminId: admin.id,
      });
      as(other);
      expect(await confirmReceiptAction({ orderId: owner.order.id })).toMatchObject({ ok: false, code: 'NOT_FOUND' });
      as(owner.buyer);
      expect(await confirmReceiptAction({ orderId: owner.order.id })).toMatchObject({ ok: true });
      const [order] = await db.select().from(orders).where(eq(orders.id, owner.order.id));
      expect(order!.status).toBe('completed');
    });
  });

  describe('coupon centre and profile', () => {
    it('claims a coupon once per the per-user limit; an unknown coupon is not found', async () => {
      const [coupon] = await db
        .insert(coupons)
        .values({ title: '新人券', discount: yuan(10), validFrom: T0, validUntil: at(T0, 10 * DAY), totalQuantity: 5 })
        .returning();
      expect(await claimCouponAction({ couponId: coupon!.id })).toMatchObject({ ok: true });
      expect(await claimCouponAction({ couponId: coupon!.id })).toMatchObject({
        ok: false,
        code: 'COUPON_EXHAUSTED',
        params: { reason: 'perUserLimit' },
      });
      expect(await claimCouponAction({ couponId: 999_999 })).toMatchObject({ ok: false, code: 'NOT_FOUND' });
      const held = await db
        .select()
        .from(userCoupons)
        .where(and(eq(userCoupons.userId, owner.buyer.id), eq(userCoupons.couponId, coupon!.id)));
      expect(held).toHaveLength(1);
    });

    it('changes only the caller’s own name, within its limit', async () => {
      expect(await updateProfileAction({ name: '  新名字  ' })).toEqual({ ok: true, data: { name: '新名字' } });
      expect(await updateProfileAction({ name: 'x'.repeat(31) })).toMatchObject({
        ok: false,
        code: 'VALIDATION',
        fieldErrors: { name: ['昵称最多 30 个字'] },
      });
      expect(await updateProfileAction({ name: '' })).toMatchObject({ ok: false, code: 'VALIDATION' });
      const rows = await db.select({ id: users.id, name: users.name }).from(users);
      expect(rows.find((row) => row.id === owner.buyer.id)!.name).toBe('新名字');
      expect(rows.find((row) => row.id === other.id)!.name).toBe(other.name);
    });
  });
});
