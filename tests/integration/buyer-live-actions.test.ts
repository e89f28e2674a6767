import { eq } from 'drizzle-orm';
import { createTranslator } from 'next-intl';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { bids, deposits, payments, proxyBids, users } from '@/db/schema';
import type { CurrentUser } from '@/lib/auth/current-user';
import { setClock, fixedClock } from '@/lib/clock';
import { zhCNMessages as messages } from '@/lib/i18n/messages';
import { seedBuyer } from '../support/factories';
import { MINUTE, at, confirmCharge, payDeposit, publishedAuction, tick, yuan } from '../support/lifecycle';
import { databaseForEachTest, type TestDatabase } from '../support/test-database';

// The real action modules run against this file's database as whoever `state.user` is.
const state = vi.hoisted(() => ({ user: null as CurrentUser | null, database: null as TestDatabase | null }));
vi.mock('next/headers', () => ({ headers: async () => new Headers(), cookies: async () => new Map() }));
vi.mock('@/lib/auth/current-user', () => ({ currentUser: async () => state.user }));
vi.mock('@/db', async (original) => ({
  ...(await original<typeof import('@/db')>()),
  db: () => state.database!.db,
  appDatabase: () => state.database!,
}));
vi.mock('next-intl/server', () => ({ getTranslations: async () => createTranslator({ locale: 'zh-CN', messages }) }));
vi.stubEnv('AUTH_SECRET', 'buyer-live-actions-auth-secret-0123456789');
vi.stubEnv('CRON_SECRET', 'buyer-live-actions-cron-secret-0123456789');

const { payDepositAction } = await import('@/actions/deposits');
const { placeBidAction, setProxyBidAction } = await import('@/actions/bids');

const published = new Date('2026-11-25T04:00:00Z');
const as = (user: { id: number; name: string }): CurrentUser => ({ id: user.id, name: user.name, role: 'buyer' });

describe('deposit and bid actions', () => {
  const current = databaseForEachTest('pglite');
  let auction: Awaited<ReturnType<typeof publishedAuction>>;
  let lotId: number;
  let bidAt: Date;

  beforeEach(async () => {
    state.database = current();
    state.user = null;
    const { db } = current();
    auction = await publishedAuction(db, published, { lots: [{ startPrice: yuan(100) }, {}] });
    lotId = auction.lotIds[0]!;
    await tick(db, auction.startsAt);
    bidAt = at(auction.startsAt, 10 * MINUTE);
    setClock(fixedClock(bidAt));
  });

  const rows = async () => {
    const { db } = current();
    return {
      bids: await db.select().from(bids),
      proxies: await db.select().from(proxyBids),
      deposits: await db.select().from(deposits),
      payments: await db.select().from(payments),
    };
  };

  describe('payDepositAction', () => {
    it('refuses anonymous callers and hostile input, writing nothing', async () => {
      expect(await payDepositAction({ auctionId: auction.auctionId })).toMatchObject({
        ok: false,
        code: 'UNAUTHENTICATED',
      });
      state.user = as(await seedBuyer(current().db));
      for (const raw of [undefined, 'x', [], { auctionId: 'abc' }, { auctionId: -1 }, { auctionId: 1, lotId: 1.5 }]) {
        expect(await payDepositAction(raw as never)).toMatchObject({ ok: false, code: 'VALIDATION' });
      }
      expect((await rows()).deposits).toHaveLength(0);
    });

    it('opens the session deposit’s charge once, however often it is tapped', async () => {
      state.user = as(await seedBuyer(current().db));
      const [first, second] = await Promise.all([
        payDepositAction({ auctionId: auction.auctionId }),
        payDepositAction({ auctionId: auction.auctionId }),
      ]);
      expect(first).toMatchObject({ ok: true, data: { payUrl: expect.stringContaining('/sandbox/pay/') } });
      expect(second.ok && first.ok && second.data.reference).toBe(first.ok && first.data.reference);
      const { deposits: made, payments: charges } = await rows();
      expect(made).toMatchObject([{ kind: 'session', lotId: null, status: 'pending', amount: yuan(1_000) }]);
      expect(charges).toHaveLength(1);
    });

    it('opens a lot’s deposit, refuses one that is paid, another auction’s lot, and a closed auction', async () => {
      const buyer = await seedBuyer(current().db);
      state.user = as(buyer);
      const lot = await payDepositAction({ auctionId: auction.auctionId, lotId });
      expect(lot.ok).toBe(true);
      const [payment] = (await rows()).payments;
      await confirmCharge(current().db, payment!.id, bidAt);
      expect(await payDepositAction({ auctionId: auction.auctionId, lotId })).toMatchObject({
        ok: false,
        code: 'CONFLICT',
      });
      expect(await payDepositAction({ auctionId: auction.auctionId + 1, lotId })).toMatchObject({
        ok: false,
        code: 'NOT_FOUND',
      });
      setClock(fixedClock(at(auction.endsAt, MINUTE)));
      expect(await payDepositAction({ auctionId: auction.auctionId })).toMatchObject({
        ok: false,
        code: 'LOT_NOT_BIDDABLE',
      });
    });
  });

  describe('placeBidAction and setProxyBidAction', () => {
    it('refuse anonymous callers and malformed amounts before anything is written', async () => {
      expect(await placeBidAction({ lotId, amount: '100' })).toMatchObject({ ok: false, code: 'UNAUTHENTICATED' });
      expect(await setProxyBidAction({ lotId, maxAmount: '100' })).toMatchObject({
        ok: false,
        code: 'UNAUTHENTICATED',
      });
      state.user = as(await seedBuyer(current().db));
      for (const amount of ['', '0', '-5', '1.234', 'abc', '9'.repeat(30), '100\u0000']) {
        const refused = await placeBidAction({ lotId, amount });
        expect(refused, amount).toMatchObject({ ok: false, code: 'VALIDATION' });
      }
      expect(await placeBidAction({ lotId, amount: '1x' })).toMatchObject({
        fieldErrors: { amount: ['请输入正确的金额，例如 1050 或 1050.50'] },
      });
      expect(await placeBidAction({ lotId: 'x', amount: '100' } as never)).toMatchObject({ code: 'VALIDATION' });
      expect((await rows()).bids).toHaveLength(0);
    });

    it('say each refusal in its own words: no deposit, below the minimum (naming it), leading, closed, blocked', async () => {
      const { db } = current();
      const bai = await seedBuyer(db, { name: '白浩伟' });
      const hua = await seedBuyer(db, { name: '华新' });
      state.user = as(bai);
      expect(await placeBidAction({ lotId, amount: '100' })).toMatchObject({
        ok: false,
        code: 'DEPOSIT_REQUIRED',
        error: messages.errors.DEPOSIT_REQUIRED,
      });
      await payDeposit(db, { userId: bai.id, auctionId: auction.auctionId, now: bidAt });
      await payDeposit(db, { userId: hua.id, auctionId: auction.auctionId, lotId, now: bidAt });
      expect(await placeBidAction({ lotId, amount: '99.99' })).toMatchObject({
        ok: false,
        code: 'BID_TOO_LOW',
        error: '出价过低：本次至少需出价 ¥100.00',
      });
      expect(await placeBidAction({ lotId, amount: '￥100' })).toMatchObject({
        ok: true,
        data: { currentPrice: yuan(100), bidCount: 1, leading: true },
      });
      expect(await placeBidAction({ lotId, amount: '110' })).toMatchObject({ ok: false, code: 'ALREADY_LEADING' });
      // 华新 holds only lot 1's deposit: lot 2 is not covered.
      state.user = as(hua);
      expect(await placeBidAction({ lotId: auction.lotIds[1]!, amount: '100' })).toMatchObject({
        code: 'DEPOSIT_REQUIRED',
      });
      await db.update(users).set({ biddingBlockedAt: bidAt }).where(eq(users.id, hua.id));
      expect(await placeBidAction({ lotId, amount: '200' })).toMatchObject({ ok: false, code: 'BIDDING_BLOCKED' });
      expect(await setProxyBidAction({ lotId, maxAmount: '500' })).toMatchObject({ code: 'BIDDING_BLOCKED' });
      await db.update(users).set({ biddingBlockedAt: null }).where(eq(users.id, hua.id));
      setClock(fixedClock(at(auction.endsAt, 1)));
      expect(await placeBidAction({ lotId, amount: '200' })).toMatchObject({ ok: false, code: 'LOT_NOT_BIDDABLE' });
      expect((await rows()).bids).toHaveLength(1);
    });

    it('two taps on the same quick bid place one bid', async () => {
      const { db } = current();
      const bai = await seedBuyer(db);
      await payDeposit(db, { userId: bai.id, auctionId: auction.auctionId, now: bidAt });
      state.user = as(bai);
      const results = await Promise.all([
        placeBidAction({ lotId, amount: '100' }),
        placeBidAction({ lotId, amount: '100' }),
      ]);
      expect(results.filter((result) => result.ok)).toHaveLength(1);
      expect(results.find((result) => !result.ok)).toMatchObject({ code: 'ALREADY_LEADING' });
      expect((await rows()).bids).toHaveLength(1);
    });

    it('set a proxy maximum that answers for its owner, refused under the minimum', async () => {
      const { db } = current();
      const bai = await seedBuyer(db);
      const hua = await seedBuyer(db);
      for (const buyer of [bai, hua])
        await payDeposit(db, { userId: buyer.id, auctionId: auction.auctionId, now: bidAt });
      state.user = as(hua);
      expect(await setProxyBidAction({ lotId, maxAmount: '50' })).toMatchObject({ ok: false, code: 'BID_TOO_LOW' });
      expect(await setProxyBidAction({ lotId, maxAmount: '300' })).toMatchObject({
        ok: true,
        data: { currentPrice: yuan(100), leading: true },
      });
      state.user = as(bai);
      expect(await placeBidAction({ lotId, amount: '150' })).toMatchObject({
        ok: true,
        data: { currentPrice: yuan(160), leading: false },
      });
      expect((await rows()).proxies).toMatchObject([{ userId: hua.id, maxAmount: yuan(300), active: true }]);
    });
  });
});
