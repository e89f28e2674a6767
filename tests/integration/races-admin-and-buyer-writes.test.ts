import { eq } from 'drizzle-orm';
import { createTranslator } from 'next-intl';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import {
  adminAuditLog,
  auctions,
  coupons,
  deposits,
  lots,
  notifications,
  orders,
  payments,
  userCoupons,
  watchlist,
} from '@/db/schema';
import type { CurrentUser } from '@/lib/auth/current-user';
import { newAuctionFormValues, auctionFormValues } from '@/lib/auctions/auction-form-defaults';
import { ladderSteps } from '@/lib/auctions/auction-ladder';
import { setClock, fixedClock } from '@/lib/clock';
import { zhCNMessages as messages } from '@/lib/i18n/messages';
import { toZonedInput } from '@/lib/time/zoned-input';
import { seedBuyer } from '../support/factories';
import {
  DAY,
  HOUR,
  MINUTE,
  at,
  payDeposit,
  payOrder,
  publishedAuction,
  testAddress,
  tick,
  wonOrder,
  yuan,
} from '../support/lifecycle';
import { concurrentTestDrivers, databaseForEachTest, type TestDatabase } from '../support/test-database';

// Real actions, fired at once on real Postgres connections (PGlite has one connection, so no race).
const state = vi.hoisted(() => ({ user: null as CurrentUser | null, database: null as TestDatabase | null }));
vi.mock('next/headers', () => ({ headers: async () => new Headers() }));
vi.mock('next/cache', () => ({ revalidatePath: () => undefined }));
vi.mock('@/lib/auth/current-user', () => ({ currentUser: async () => state.user }));
vi.mock('@/db', async (original) => ({
  ...(await original<typeof import('@/db')>()),
  db: () => state.database!.db,
  appDatabase: () => state.database!,
}));
vi.mock('next-intl/server', () => ({ getTranslations: async () => createTranslator({ locale: 'zh-CN', messages }) }));
vi.stubEnv('AUTH_SECRET', 'races-writes-auth-secret-0123456789');
vi.stubEnv('CRON_SECRET', 'races-writes-cron-secret-0123456789');
vi.stubEnv('APP_TIME_ZONE', 'Asia/Shanghai');

const auctionActions = await import('@/actions/admin-auctions');
const { shipOrderAction, cancelOrderAction } = await import('@/actions/admin-orders');
const { setWatch } = await import('@/actions/watchlist');
const { markAllNotificationsReadAction } = await import('@/actions/notifications');
const { payOrderAction } = await import('@/actions/orders');
const { saveAddressAction } = await import('@/actions/addresses');
const { grantCouponAction } = await import('@/actions/admin-coupons');

const TZ = 'Asia/Shanghai';
const T0 = new Date('2026-11-25T04:00:00Z');
const drivers = concurrentTestDrivers();
type Result = { ok: true } | { ok: false; code: string };
const codes = (results: Result[]) => results.map((result) => (result.ok ? 'ok' : result.code)).sort();

describe.runIf(drivers.length > 0)('concurrent admin and buyer writes (needs DATABASE_URL)', () => {
  describe.each(drivers)('on %s', (driver) => {
    const current = databaseForEachTest(driver);
    const db = () => current().db;
    let admin: CurrentUser;

    beforeEach(async () => {
      state.database = current();
      const row = await seedBuyer(db(), { role: 'admin' });
      admin = { id: row.id, name: row.name, role: 'admin' };
      state.user = admin;
      setClock(fixedClock(T0));
    });

    const audits = () => db().$count(adminAuditLog);
    const stored = async (auctionId: number) =>
      (await db().select().from(auctions).where(eq(auctions.id, auctionId)))[0]!;

    it('two saves of one auction at the same version: one wins, the other is STALE_WRITE', async () => {
      const created = await auctionActions.createAuctionAction({ ...newAuctionFormValues(T0, TZ), title: '春茶专场' });
      if (!created.ok) throw new Error(created.error);
      const row = await stored(created.data.auctionId);
      const loaded = {
        ...auctionFormValues(row, await ladderSteps(db(), row.incrementLadderId), TZ),
        auctionId: row.id,
        version: row.version,
      };
      const before = await audits();
      const results = await Promise.all(
        ['甲', '乙', '丙', '丁'].map((title) => auctionActions.updateAuctionAction({ ...loaded, title })),
      );
      expect(codes(results)).toEqual(['STALE_WRITE', 'STALE_WRITE', 'STALE_WRITE', 'ok']);
      const winner = results.findIndex((result) => result.ok);
      expect(await stored(row.id)).toMatchObject({ title: ['甲', '乙', '丙', '丁'][winner], version: row.version + 1 });
      expect(await audits()).toBe(before + 1);
    });

    it('extending a live end twice at once at one version moves it once', async () => {
      const { auctionId, startsAt, endsAt } = await publishedAuction(db(), T0, { lots: [{}, {}] });
      await tick(db(), startsAt);
      setClock(fixedClock(at(startsAt, MINUTE)));
      const version = (await stored(auctionId)).version;
      const targets = [at(endsAt, HOUR), at(endsAt, 2 * HOUR), at(endsAt, 3 * HOUR)];
      const results = await Promise.all(
        targets.map((target) =>
          auctionActions.extendAuctionEndAction({ auctionId, version, endsAt: toZonedInput(target, TZ) }),
        ),
      );
      expect(codes(results)).toEqual(['STALE_WRITE', 'STALE_WRITE', 'ok']);
      const winner = targets[results.findIndex((result) => result.ok)]!;
      expect((await stored(auctionId)).endsAt).toEqual(winner);
      const lotEnds = await db().select({ endsAt: lots.endsAt }).from(lots).where(eq(lots.auctionId, auctionId));
      expect(lotEnds.every((lot) => lot.endsAt!.getTime() >= winner.getTime())).toBe(true);
    });

    it('publish and cancel clicked together on a draft: never an error, and each effect at most once', async () => {
      const created = await auctionActions.createAuctionAction({ ...newAuctionFormValues(T0, TZ), title: '秋茶专场' });
      if (!created.ok) throw new Error(created.error);
      const auctionId = created.data.auctionId;
      await db()
        .insert(lots)
        .values({ auctionId, title: '拍品', startPrice: yuan(100) });
      const results = await Promise.all([
        auctionActions.publishAuctionAction({ auctionId }),
        auctionActions.publishAuctionAction({ auctionId }),
        auctionActions.cancelAuctionAction({ auctionId }),
        auctionActions.cancelAuctionAction({ auctionId }),
      ]);
      expect(codes(results).filter((code) => code !== 'ok' && code !== 'WRONG_STATE')).toEqual([]);
      const [published1, published2, cancelled1, cancelled2] = results.map((result) => result.ok);
      expect([published1, published2].filter(Boolean).length).toBeLessThanOrEqual(1);
      expect([cancelled1, cancelled2].filter(Boolean).length).toBeLessThanOrEqual(1);
      const log = (await db().select().from(adminAuditLog)).map((entry) => entry.action);
      expect(log.filter((action) => action === 'auction.publish')).toHaveLength(
        results.slice(0, 2).filter((r) => r.ok).length,
      );
      expect(log.filter((action) => action === 'auction.cancel')).toHaveLength(
        results.slice(2).filter((r) => r.ok).length,
      );
      const { status } = await stored(auctionId);
      expect(status).toBe(results.slice(2).some((r) => r.ok) ? 'cancelled' : 'scheduled');
    });

    it('cancelling a previewed auction from two tabs refunds each deposit once', async () => {
      const { auctionId, previewStartsAt } = await publishedAuction(db(), T0);
      const buyer = await seedBuyer(db());
      await payDeposit(db(), { userId: buyer.id, auctionId, now: at(previewStartsAt, MINUTE) });
      setClock(fixedClock(at(previewStartsAt, 2 * MINUTE)));
      const results = await Promise.all([1, 2, 3].map(() => auctionActions.cancelAuctionAction({ auctionId })));
      expect(codes(results)).toEqual(['WRONG_STATE', 'WRONG_STATE', 'ok']);
      expect(await db().select().from(deposits)).toMatchObject([{ status: 'refunded', refundedAmount: yuan(1_000) }]);
      expect((await db().select().from(adminAuditLog)).filter((e) => e.action === 'auction.cancel')).toHaveLength(1);
    });

    it('ship twice and cancel at once on one paid order: one shipment, no cancel, one audit entry', async () => {
      const won = await wonOrder(db(), { now: T0 });
      const payAt = at(won.auction.endsAt, HOUR);
      await payOrder(db(), { userId: won.buyer.id, orderId: won.order.id, now: payAt });
      setClock(fixedClock(at(payAt, MINUTE)));
      const orderId = String(won.order.id);
      const before = await audits();
      const results = await Promise.all([
        shipOrderAction({ orderId, carrier: '顺丰', trackingNo: 'SF-1' }),
        shipOrderAction({ orderId, carrier: '圆通', trackingNo: 'YT-2' }),
        cancelOrderAction({ orderId, reason: '买家要求' }),
      ]);
      expect(results.filter((result) => result.ok)).toHaveLength(1);
      expect(results[2]!.ok).toBe(false);
      expect(codes(results).filter((code) => code === 'INTERNAL')).toEqual([]);
      const [row] = await db().select().from(orders).where(eq(orders.id, won.order.id));
      expect(row!.status).toBe('shipped');
      expect(await audits()).toBe(before + 1);
    });

    it('cancelling one unpaid order from three tabs cancels it once', async () => {
      const won = await wonOrder(db(), { now: T0 });
      setClock(fixedClock(at(won.auction.endsAt, HOUR)));
      const before = await audits();
      const results = await Promise.all(
        [1, 2, 3].map(() => cancelOrderAction({ orderId: String(won.order.id), reason: '流拍处理' })),
      );
      expect(results.filter((result) => result.ok)).toHaveLength(1);
      expect(codes(results).filter((code) => code === 'INTERNAL')).toEqual([]);
      expect((await db().select().from(orders).where(eq(orders.id, won.order.id)))[0]!.status).toBe('cancelled');
      expect(await audits()).toBe(before + 1);
    });

    it('a buyer tapping pay three times at once opens one charge', async () => {
      const won = await wonOrder(db(), { now: T0 });
      setClock(fixedClock(at(won.auction.endsAt, HOUR)));
      state.user = { id: won.buyer.id, name: won.buyer.name, role: 'buyer' };
      const saved = await saveAddressAction({ id: null, isDefault: true, ...testAddress });
      if (!saved.ok) throw new Error(saved.error);
      const input = { orderId: won.order.id, addressId: saved.data.id, userCouponId: null };
      const results = await Promise.all([1, 2, 3].map(() => payOrderAction(input)));
      expect(codes(results).filter((code) => code !== 'ok')).toEqual([]);
      expect(await db().$count(payments, eq(payments.orderId, won.order.id))).toBe(1);
    });

    it('watch toggles fired together leave one row or none, never an error', async () => {
      const { lotIds } = await publishedAuction(db(), T0);
      const lotId = lotIds[0]!;
      const buyer = await seedBuyer(db());
      state.user = { id: buyer.id, name: buyer.name, role: 'buyer' };
      const watchOn = await Promise.all(Array.from({ length: 8 }, () => setWatch({ lotId, watching: true })));
      expect(codes(watchOn)).toEqual(Array(8).fill('ok'));
      expect(await db().$count(watchlist, eq(watchlist.lotId, lotId))).toBe(1);
      const mixed = await Promise.all(
        Array.from({ length: 8 }, (_, index) => setWatch({ lotId, watching: index % 2 === 0 })),
      );
      expect(codes(mixed)).toEqual(Array(8).fill('ok'));
      expect(await db().$count(watchlist, eq(watchlist.lotId, lotId))).toBeLessThanOrEqual(1);
    });

    it('mark-all-read from several tabs reads every notification once, touching no one else', async () => {
      const [mine, theirs] = [await seedBuyer(db()), await seedBuyer(db())];
      for (const userId of [mine.id, mine.id, mine.id, theirs.id]) {
        await db()
          .insert(notifications)
          .values({ userId, kind: 'outbid', data: { lotId: 1, lotTitle: '茶饼', price: 1 } });
      }
      state.user = { id: mine.id, name: mine.name, role: 'buyer' };
      const results = await Promise.all([1, 2, 3, 4].map(() => markAllNotificationsReadAction({})));
      expect(codes(results)).toEqual(Array(4).fill('ok'));
      const rows = await db().select().from(notifications);
      expect(rows.filter((row) => row.userId === mine.id).every((row) => row.readAt !== null)).toBe(true);
      expect(rows.filter((row) => row.userId === theirs.id).every((row) => row.readAt === null)).toBe(true);
    });
    it('relisting one unsold lot from three tabs makes one copy in one draft', async () => {
      const { auctionId, lotIds, startsAt, endsAt } = await publishedAuction(db(), T0);
      await tick(db(), startsAt);
      await tick(db(), endsAt);
      setClock(fixedClock(at(endsAt, DAY)));
      const form = {
        sourceAuctionId: auctionId,
        auction: { ...newAuctionFormValues(at(endsAt, 2 * DAY), TZ), title: '二拍' },
        lots: [
          {
            lotId: lotIds[0]!,
            startPrice: '50',
            reservePrice: '',
            depositAmount: '100',
            estimateLow: '',
            estimateHigh: '',
          },
        ],
      };
      const results = await Promise.all([1, 2, 3].map(() => auctionActions.relistAuctionAction(form)));
      expect(results.filter((result) => result.ok)).toHaveLength(1);
      expect(codes(results).filter((code) => code === 'INTERNAL')).toEqual([]);
      expect(await db().$count(auctions)).toBe(2);
      expect(await db().$count(lots)).toBe(2);
    });

    it('two operators granting one coupon at once never issue past its quantity', async () => {
      const [coupon] = await db()
        .insert(coupons)
        .values({ title: '限量券', discount: yuan(10), validFrom: T0, validUntil: at(T0, 10 * DAY), totalQuantity: 3 })
        .returning();
      const buyers = [];
      for (let index = 0; index < 6; index++) buyers.push((await seedBuyer(db())).id);
      const results = await Promise.all([
        grantCouponAction({ couponId: coupon!.id, userIds: buyers.slice(0, 3) }),
        grantCouponAction({ couponId: coupon!.id, userIds: buyers.slice(3) }),
        grantCouponAction({ couponId: coupon!.id, userIds: buyers.slice(1, 5) }),
      ]);
      expect(codes(results).filter((code) => code !== 'ok' && code !== 'COUPON_NOT_APPLICABLE')).toEqual([]);
      const [row] = await db().select().from(coupons).where(eq(coupons.id, coupon!.id));
      expect(row!.issuedCount).toBe(3);
      expect(await db().$count(userCoupons, eq(userCoupons.couponId, coupon!.id))).toBe(3);
    });
  });
});
