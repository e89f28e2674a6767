import { eq } from 'drizzle-orm';
import { createTranslator } from 'next-intl';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { users } from '@/db/schema';
import { lotLiveSchema, myLotStateSchema, serverTimeSchema } from '@/lib/api/v1/schemas';
import type { CurrentUser } from '@/lib/auth/current-user';
import { setClock, fixedClock } from '@/lib/clock';
import { zhCNMessages as messages } from '@/lib/i18n/messages';
import { isBiddingBlocked } from '@/lib/users/is-bidding-blocked';
import { seedBuyer } from '../support/factories';
import { MINUTE, at, payDeposit, publishedAuction, tick, yuan } from '../support/lifecycle';
import { databaseForEachTest, type TestDatabase } from '../support/test-database';

// The real route handlers and actions run against this file's database as whoever `state.user` is.
const state = vi.hoisted(() => ({ user: null as CurrentUser | null, database: null as TestDatabase | null }));
vi.mock('next/headers', () => ({ headers: async () => new Headers(), cookies: async () => new Map() }));
vi.mock('@/lib/auth/current-user', () => ({ currentUser: async () => state.user }));
vi.mock('@/db', async (original) => ({
  ...(await original<typeof import('@/db')>()),
  db: () => state.database!.db,
  appDatabase: () => state.database!,
}));
vi.mock('next-intl/server', () => ({ getTranslations: async () => createTranslator({ locale: 'zh-CN', messages }) }));
vi.stubEnv('AUTH_SECRET', 'buyer-live-clock-auth-secret-0123456789');
vi.stubEnv('CRON_SECRET', 'buyer-live-clock-cron-secret-0123456789');

const timeRoute = await import('@/app/api/v1/time/route');
const meRoute = await import('@/app/api/v1/lots/[id]/me/route');
const { placeBidAction } = await import('@/actions/bids');

const published = new Date('2026-11-25T04:00:00Z');
const params = (id: number) => ({ params: Promise.resolve({ id: String(id) }) });
const as = (user: { id: number; name: string }): CurrentUser => ({ id: user.id, name: user.name, role: 'buyer' });

describe('the server clock, blocked bidders and the state after one’s own bid', () => {
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

  const block = (userId: number, blockedAt: Date | null) =>
    current().db.update(users).set({ biddingBlockedAt: blockedAt }).where(eq(users.id, userId));

  const myState = async (user: CurrentUser | null) => {
    state.user = user;
    return myLotStateSchema.parse(await (await meRoute.GET(new Request('http://gavel.test/x'), params(lotId))).json());
  };

  it('GET /api/v1/time answers the server’s clock and forbids every cache from keeping it', async () => {
    const response = timeRoute.GET();
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(serverTimeSchema.parse(await response.json())).toEqual({ now: bidAt.toISOString() });
  });

  it('tells a bidding-blocked buyer why, instead of a deposit or bid they could never use', async () => {
    const { db } = current();
    const [covered, bare, other] = [await seedBuyer(db), await seedBuyer(db), await seedBuyer(db)];
    await payDeposit(db, { userId: covered.id, auctionId: auction.auctionId, now: bidAt });
    await block(covered.id, bidAt);
    await block(bare.id, bidAt);
    // Blocked with a deposit held, or without one: neither canBid nor noDeposit (which offers a deposit).
    expect(await myState(as(covered))).toMatchObject({ signedIn: true, state: 'blocked', depositCovered: true });
    expect(await myState(as(bare))).toMatchObject({ signedIn: true, state: 'blocked', depositCovered: false });
    // Someone else's block is not the caller's; anonymous callers are unaffected.
    expect(await myState(as(other))).toMatchObject({ state: 'noDeposit' });
    expect(await myState(null)).toMatchObject({ state: 'anonymous' });
    expect(await isBiddingBlocked({ db, userId: covered.id })).toBe(true);
    expect(await isBiddingBlocked({ db, userId: other.id })).toBe(false);
    // The server refuses their bid as well.
    state.user = as(covered);
    expect(await placeBidAction({ lotId, amount: '100' })).toMatchObject({ ok: false, code: 'BIDDING_BLOCKED' });
    // Lifted: back to the ordinary states.
    await block(covered.id, null);
    expect(await myState(as(covered))).toMatchObject({ state: 'canBid' });
    expect(await isBiddingBlocked({ db, userId: covered.id })).toBe(false);
  });

  it('a closed lot still tells a blocked winner they won', async () => {
    const { db } = current();
    const winner = await seedBuyer(db);
    await payDeposit(db, { userId: winner.id, auctionId: auction.auctionId, now: bidAt });
    state.user = as(winner);
    expect(await placeBidAction({ lotId, amount: '100' })).toMatchObject({ ok: true });
    await block(winner.id, bidAt);
    setClock(fixedClock(at(auction.endsAt, MINUTE)));
    expect(await myState(as(winner))).toMatchObject({ state: 'won' });
  });

  it('answers a bid with the lot’s public state read after it committed, for the page to show at once', async () => {
    const { db } = current();
    const bidder = await seedBuyer(db, { name: '白浩伟' });
    await payDeposit(db, { userId: bidder.id, auctionId: auction.auctionId, now: bidAt });
    state.user = as(bidder);
    const result = await placeBidAction({ lotId, amount: '100' });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const live = lotLiveSchema.parse(result.data.live);
    expect(live).toMatchObject({
      id: lotId,
      currentPrice: yuan(100),
      bidCount: 1,
      leader: '白**',
      nextMinimumBid: yuan(110),
      serverNow: bidAt.toISOString(),
    });
    expect(result.data).toMatchObject({ currentPrice: yuan(100), bidCount: 1, leading: true, endsAt: live.endsAt });
  });
});
