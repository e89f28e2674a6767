import { eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { lots, notifications } from '@/db/schema';
import type { CurrentUser } from '@/lib/auth/current-user';
import { setClock, fixedClock } from '@/lib/clock';
import { auctionDetailSchema, auctionPageSchema, lotLiveSchema, myLotStateSchema } from '@/lib/api/v1/schemas';
import { setProxyBid, placeBid } from '@/lib/bidding/place-bid';
import { getLotPage } from '@/lib/lots/get-lot-page';
import { listLotBids } from '@/lib/lots/list-lot-bids';
import { pageRequest } from '@/lib/pagination';
import { seedBuyer } from '../support/factories';
import { MINUTE, at, payDeposit, publishedAuction, tick, yuan } from '../support/lifecycle';
import { databaseForEachTest, type TestDatabase } from '../support/test-database';

// The real route handlers run against this file's database, as whoever `state.user` is.
const state = vi.hoisted(() => ({ user: null as CurrentUser | null, database: null as TestDatabase | null }));
vi.mock('next/headers', () => ({ headers: async () => new Headers(), cookies: async () => new Map() }));
vi.mock('@/lib/auth/current-user', () => ({ currentUser: async () => state.user }));
vi.mock('@/db', async (original) => ({
  ...(await original<typeof import('@/db')>()),
  db: () => state.database!.db,
  appDatabase: () => state.database!,
}));
vi.stubEnv('AUTH_SECRET', 'buyer-live-api-auth-secret-0123456789');
vi.stubEnv('CRON_SECRET', 'buyer-live-api-cron-secret-0123456789');

const auctionsRoute = await import('@/app/api/v1/auctions/route');
const auctionRoute = await import('@/app/api/v1/auctions/[id]/route');
const lotRoute = await import('@/app/api/v1/lots/[id]/route');
const meRoute = await import('@/app/api/v1/lots/[id]/me/route');
const openApiRoute = await import('@/app/api/v1/openapi.json/route');
const timeRoute = await import('@/app/api/v1/time/route');
const unreadRoute = await import('@/app/api/v1/me/unread/route');

const published = new Date('2026-11-25T04:00:00Z');
const request = (path: string) => new Request(`http://gavel.test${path}`);
const params = (id: string) => ({ params: Promise.resolve({ id }) });

describe('the public read API (/api/v1)', () => {
  const current = databaseForEachTest('pglite');
  let auction: Awaited<ReturnType<typeof publishedAuction>>;
  let bidders: { bai: { id: number }; hua: { id: number } };
  let bidAt: Date;

  beforeEach(async () => {
    state.database = current();
    state.user = null;
    const { db } = current();
    auction = await publishedAuction(db, published, {
      lots: [{ title: '老茶饼', reservePrice: yuan(150) }, { title: '茶书' }],
    });
    await tick(db, auction.startsAt);
    bidders = {
      bai: await seedBuyer(db, { name: '白浩伟' }),
      hua: await seedBuyer(db, { name: '华新' }),
    };
    bidAt = at(auction.startsAt, 10 * MINUTE);
    for (const buyer of Object.values(bidders))
      await payDeposit(db, { userId: buyer.id, auctionId: auction.auctionId, now: bidAt });
    const lotId = auction.lotIds[0]!;
    await placeBid({ db, userId: bidders.bai.id, lotId, amount: yuan(100), now: bidAt });
    await setProxyBid({ db, userId: bidders.hua.id, lotId, maxAmount: yuan(400), now: at(bidAt, MINUTE) });
    setClock(fixedClock(at(bidAt, 2 * MINUTE)));
  });

  it('lists published auctions, by group too, with a list cache policy', async () => {
    const all = await auctionsRoute.GET(request('/api/v1/auctions'));
    expect(all.status).toBe(200);
    expect(all.headers.get('cache-control')).toContain('s-maxage=30');
    const body = auctionPageSchema.parse(await all.json());
    expect(body.items.map((item) => item.id)).toEqual([auction.auctionId]);
    expect(body.items[0]).toMatchObject({ status: 'live', lotCount: 2 });

    const live = auctionPageSchema.parse(
      await (await auctionsRoute.GET(request('/api/v1/auctions?group=live'))).json(),
    );
    expect(live.total).toBe(1);
    const ended = auctionPageSchema.parse(
      await (await auctionsRoute.GET(request('/api/v1/auctions?group=ended'))).json(),
    );
    expect(ended.total).toBe(0);
  });

  it('groups by the schedule at now, before any tick: past the last lot’s end an auction is ended', async () => {
    setClock(fixedClock(at(auction.endsAt, MINUTE)));
    const live = auctionPageSchema.parse(
      await (await auctionsRoute.GET(request('/api/v1/auctions?group=live'))).json(),
    );
    const ended = auctionPageSchema.parse(
      await (await auctionsRoute.GET(request('/api/v1/auctions?group=ended'))).json(),
    );
    expect(live.total).toBe(0);
    expect(ended.items.map((item) => [item.id, item.status])).toEqual([[auction.auctionId, 'ended']]);
  });

  it('answers 400 JSON, never 500, to a bad group, page or id', async () => {
    for (const path of ['/api/v1/auctions?group=drafts', '/api/v1/auctions?page=0', '/api/v1/auctions?page=x']) {
      const response = await auctionsRoute.GET(request(path));
      expect(response.status, path).toBe(400);
      expect(await response.json()).toMatchObject({ error: 'VALIDATION' });
    }
    for (const id of ['abc', '0', '-1', '1.5', '99999999999', '1e3x', '']) {
      for (const route of [auctionRoute, lotRoute, meRoute]) {
        const response = await route.GET(request(`/x/${id}`), params(id));
        expect(response.status, id).toBe(400);
        expect(response.headers.get('cache-control')).toBe('no-store');
      }
    }
  });

  it('answers 404 JSON for no such auction or lot, and for a draft', async () => {
    const { db } = current();
    const draft = await publishedAuction(db, published);
    await db.update(lots).set({ status: 'draft' }).where(eq(lots.id, draft.lotIds[0]!));
    const { auctions } = await import('@/db/schema');
    await db.update(auctions).set({ status: 'draft' }).where(eq(auctions.id, draft.auctionId));
    for (const [route, id] of [
      [auctionRoute, '424242'],
      [lotRoute, '424242'],
      [meRoute, '424242'],
      [auctionRoute, String(draft.auctionId)],
      [lotRoute, String(draft.lotIds[0])],
    ] as const) {
      const response = await route.GET(request(`/x/${id}`), params(id));
      expect(response.status).toBe(404);
      expect(await response.json()).toMatchObject({ error: 'NOT_FOUND' });
    }
  });

  it('gives an auction with its lots, reserve only as met or not', async () => {
    const response = await auctionRoute.GET(request('/x'), params(String(auction.auctionId)));
    expect(response.headers.get('cache-control')).toContain('s-maxage=5');
    const body = auctionDetailSchema.parse(await response.json());
    expect(body.lots.items.map((lot) => [lot.title, lot.currentPrice, lot.reserveMet])).toEqual([
      ['老茶饼', yuan(110), false],
      ['茶书', null, null],
    ]);
    expect(JSON.stringify(body)).not.toContain('reservePrice');
  });

  it('gives the auction’s end as when bidding really closes, once anti-sniping keeps a lot open past it', async () => {
    const { db } = current();
    const lateBid = at(auction.endsAt, -MINUTE);
    await placeBid({ db, userId: bidders.bai.id, lotId: auction.lotIds[1]!, amount: yuan(100), now: lateBid });
    setClock(fixedClock(lateBid));
    const extended = at(lateBid, 5 * MINUTE).toISOString();
    const detail = auctionDetailSchema.parse(
      await (await auctionRoute.GET(request('/x'), params(String(auction.auctionId)))).json(),
    );
    expect(detail.lots.items[1]!.endsAt).toBe(extended);
    expect(detail.endsAt).toBe(extended);
    const list = auctionPageSchema.parse(await (await auctionsRoute.GET(request('/api/v1/auctions'))).json());
    expect(list.items[0]!.endsAt).toBe(extended);
  });

  it('gives the bell each buyer’s own unread count, privately, and nothing to others', async () => {
    const { db } = current();
    const note = (userId: number) => ({ userId, kind: 'outbid', data: { lotId: 1, lotTitle: '茶饼', price: yuan(1) } });
    await db.insert(notifications).values([note(bidders.bai.id), note(bidders.bai.id), note(bidders.hua.id)]);
    await db.update(notifications).set({ readAt: bidAt }).where(eq(notifications.userId, bidders.hua.id));
    const unreadOf = async (user: CurrentUser | null) => {
      state.user = user;
      const response = await unreadRoute.GET();
      return { status: response.status, cache: response.headers.get('cache-control'), body: await response.json() };
    };
    expect(await unreadOf({ id: bidders.bai.id, name: '白浩伟', role: 'buyer' })).toEqual({
      status: 200,
      cache: 'private, no-store',
      body: { unread: 2 },
    });
    expect((await unreadOf({ id: bidders.hua.id, name: '华新', role: 'buyer' })).body).toEqual({ unread: 0 });
    expect(await unreadOf(null)).toMatchObject({ status: 401, cache: 'no-store', body: { error: 'UNAUTHENTICATED' } });
    expect(await unreadOf({ id: bidders.bai.id, name: 'admin', role: 'admin' })).toMatchObject({
      status: 403,
      body: { error: 'FORBIDDEN' },
    });
  });

  it('orders live auctions by when bidding really closes, staggered slots included', async () => {
    const { db } = current();
    // Ends first on paper, but its five lots close a minute apart, the last 4 minutes later.
    const staggered = await publishedAuction(db, published, {
      lots: Array.from({ length: 5 }, () => ({})),
      settings: { closingIntervalSeconds: 60 },
    });
    const plain = await publishedAuction(db, published, {
      settings: { endsAt: at(staggered.endsAt, 2 * MINUTE) },
    });
    await tick(db, staggered.startsAt);
    setClock(fixedClock(at(staggered.startsAt, MINUTE)));
    for (const path of ['/api/v1/auctions?group=live', '/api/v1/auctions']) {
      const body = auctionPageSchema.parse(await (await auctionsRoute.GET(request(path))).json());
      const ids = body.items.map((item) => item.id).filter((id) => id !== auction.auctionId);
      expect(ids, path).toEqual([plain.auctionId, staggered.auctionId]);
      expect(body.items.find((item) => item.id === staggered.auctionId)!.endsAt).toBe(
        at(staggered.endsAt, 4 * MINUTE).toISOString(),
      );
    }
  });

  it('pages an auction’s lots in catalogue order, 20 at a time, and refuses a bad page', async () => {
    const { db } = current();
    const big = await publishedAuction(db, published, {
      lots: Array.from({ length: 23 }, (_, index) => ({ title: `拍品 ${index + 1}` })),
    });
    const pageOf = async (query: string) =>
      auctionDetailSchema.parse(
        await (await auctionRoute.GET(request(`/x${query}`), params(String(big.auctionId)))).json(),
      );
    const first = await pageOf('');
    expect(first).toMatchObject({ lotCount: 23, lots: { page: 1, pages: 2, total: 23 } });
    expect(first.lots.items).toHaveLength(20);
    const second = await pageOf('?page=2');
    expect(second.lots.items.map((lot) => lot.title)).toEqual(['拍品 21', '拍品 22', '拍品 23']);
    expect((await pageOf('?page=9')).lots.items).toEqual([]);
    // A repeated parameter means its first value, as on the auction page.
    expect((await pageOf('?page=2&page=1')).lots.page).toBe(2);
    for (const query of ['?page=0', '?page=x', '?page=1.5', '?page=100001']) {
      const response = await auctionRoute.GET(request(`/x${query}`), params(String(big.auctionId)));
      expect(response.status, query).toBe(400);
    }
  });

  it('gives a lot’s live state with masked names, the next minimum and the server’s time, cached a second', async () => {
    const response = await lotRoute.GET(request('/x'), params(String(auction.lotIds[0])));
    expect(response.status).toBe(200);
    // A shared cache keeps it one second at most: never served stale while revalidating.
    expect(response.headers.get('cache-control')).toBe('public, max-age=0, s-maxage=1');
    const text = await response.text();
    expect(text).not.toContain('白浩伟');
    expect(text).not.toContain('华新');
    expect(text).not.toContain(String(yuan(400)));
    const live = lotLiveSchema.parse(JSON.parse(text));
    expect(live).toMatchObject({
      status: 'live',
      currentPrice: yuan(110),
      nextMinimumBid: yuan(120),
      increment: yuan(10),
      leader: '华**',
      bidCount: 2,
      reserveMet: false,
      serverNow: at(bidAt, 2 * MINUTE).toISOString(),
    });
    expect(live.recentBids.map((bid) => [bid.bidder, bid.amount, bid.isProxy])).toEqual([
      ['华**', yuan(110), true],
      ['白**', yuan(100), false],
    ]);
  });

  it('pages the whole bid history, highest first, names masked, and never a proxy maximum', async () => {
    const { db } = current();
    const lotId = auction.lotIds[0]!;
    const first = (await listLotBids({ db, lotId, page: pageRequest(1, 1) }))!.bids;
    const second = (await listLotBids({ db, lotId, page: pageRequest(2, 1) }))!.bids;
    expect([first.total, first.pages]).toEqual([2, 2]);
    expect([...first.items, ...second.items].map((bid) => [bid.bidder, bid.amount])).toEqual([
      ['华**', yuan(110)],
      ['白**', yuan(100)],
    ]);
    expect(JSON.stringify([first, second])).not.toContain(String(yuan(400)));
    expect(await listLotBids({ db, lotId: auction.lotIds[1]!, page: pageRequest(1, 30) })).toMatchObject({
      title: '茶书',
      bids: { items: [], total: 0 },
    });
    // Nothing of an unpublished auction's lot, and nothing of a lot that does not exist.
    const { auctions } = await import('@/db/schema');
    await db.update(auctions).set({ status: 'draft' }).where(eq(auctions.id, auction.auctionId));
    expect(await listLotBids({ db, lotId, page: pageRequest(1, 30) })).toBeNull();
    expect(await listLotBids({ db, lotId: 424242, page: pageRequest(1, 30) })).toBeNull();
  });

  it('tells each caller their own state and proxy maximum only, privately (IDOR)', async () => {
    const lotId = String(auction.lotIds[0]);
    const asUser = async (user: CurrentUser | null) => {
      state.user = user;
      const response = await meRoute.GET(request('/x'), params(lotId));
      expect(response.headers.get('cache-control')).toBe('private, no-store');
      return myLotStateSchema.parse(await response.json());
    };
    expect(await asUser(null)).toEqual({ signedIn: false, state: 'anonymous', depositCovered: false, proxyMax: null });
    expect(await asUser({ id: bidders.hua.id, name: '华新', role: 'buyer' })).toEqual({
      signedIn: true,
      state: 'leading',
      depositCovered: true,
      proxyMax: yuan(400),
    });
    expect(await asUser({ id: bidders.bai.id, name: '白浩伟', role: 'buyer' })).toEqual({
      signedIn: true,
      state: 'outbid',
      depositCovered: true,
      proxyMax: null,
    });
    const stranger = await seedBuyer(current().db);
    expect(await asUser({ id: stranger.id, name: stranger.name, role: 'buyer' })).toMatchObject({
      state: 'noDeposit',
      proxyMax: null,
    });
  });

  it('keeps names, the reserve and proxy maxima out of the lot page’s shared data (IDOR)', async () => {
    const page = await getLotPage({ db: current().db, lotId: auction.lotIds[0]!, now: at(bidAt, 2 * MINUTE) });
    const text = JSON.stringify(page);
    for (const secret of ['白浩伟', '华新', String(yuan(400)), String(yuan(150))]) expect(text).not.toContain(secret);
    expect(page?.live.leader).toBe('华**');
  });

  it('says won to the leader once the lot is sold at now, before the tick has written the winner', async () => {
    const { db } = current();
    const lotId = auction.lotIds[1]!;
    await placeBid({ db, userId: bidders.bai.id, lotId, amount: yuan(100), now: bidAt });
    setClock(fixedClock(at(auction.endsAt, MINUTE)));
    state.user = { id: bidders.bai.id, name: '白浩伟', role: 'buyer' };
    const live = lotLiveSchema.parse(await (await lotRoute.GET(request('/x'), params(String(lotId)))).json());
    expect(live.status).toBe('sold');
    const mine = myLotStateSchema.parse(await (await meRoute.GET(request('/x'), params(String(lotId)))).json());
    expect(mine.state).toBe('won');
    state.user = { id: bidders.hua.id, name: '华新', role: 'buyer' };
    const theirs = myLotStateSchema.parse(await (await meRoute.GET(request('/x'), params(String(lotId)))).json());
    expect(theirs.state).toBe('closed');
  });

  it('says won and lost once the lot closes', async () => {
    const { db } = current();
    await tick(db, auction.endsAt);
    setClock(fixedClock(at(auction.endsAt, MINUTE)));
    // The proxy lifted 华新 past the reserve? No: 110 < 150, so the lot is unsold and both lost.
    const live = lotLiveSchema.parse(
      await (await lotRoute.GET(request('/x'), params(String(auction.lotIds[0])))).json(),
    );
    expect(live.status).toBe('unsold');
    expect(live.nextMinimumBid).toBeNull();
    state.user = { id: bidders.hua.id, name: '华新', role: 'buyer' };
    const mine = myLotStateSchema.parse(
      await (await meRoute.GET(request('/x'), params(String(auction.lotIds[0])))).json(),
    );
    expect(mine.state).toBe('lost');
  });

  it('serves an OpenAPI 3.1 document whose schemas accept the real responses and refuse broken ones', async () => {
    const response = openApiRoute.GET();
    expect(response.headers.get('cache-control')).toContain('s-maxage=3600');
    const document = (await response.json()) as {
      openapi: string;
      paths: Record<
        string,
        { get: { responses: Record<string, { content: { 'application/json': { schema: { $ref: string } } } }> } }
      >;
      components: { schemas: Record<string, object> };
    };
    expect(document.openapi).toBe('3.1.0');
    expect(Object.keys(document.paths)).toEqual([
      '/api/v1/auctions',
      '/api/v1/auctions/{id}',
      '/api/v1/lots/{id}',
      '/api/v1/lots/{id}/me',
      '/api/v1/me/unread',
      '/api/v1/time',
    ]);
    // Each 200 schema of the document, turned back into a validator, judges what the route really sent.
    // zod resolves local $defs only, so the document's component refs are pointed there.
    const $defs = JSON.parse(
      JSON.stringify(document.components.schemas).replaceAll('#/components/schemas/', '#/$defs/'),
    );
    const fromDocument = (ref: string) =>
      z.fromJSONSchema({
        $schema: 'https://json-schema.org/draft/2020-12/schema',
        $ref: ref.replace('#/components/schemas/', '#/$defs/'),
        $defs,
      } as never);
    const validator = (path: string) =>
      fromDocument(document.paths[path]!.get.responses['200']!.content['application/json'].schema.$ref);
    state.user = { id: bidders.hua.id, name: '华新', role: 'buyer' };
    const lotId = String(auction.lotIds[0]);
    const real = {
      '/api/v1/auctions': await (await auctionsRoute.GET(request('/api/v1/auctions'))).json(),
      '/api/v1/auctions/{id}': await (await auctionRoute.GET(request('/x'), params(String(auction.auctionId)))).json(),
      '/api/v1/lots/{id}': await (await lotRoute.GET(request('/x'), params(lotId))).json(),
      '/api/v1/lots/{id}/me': await (await meRoute.GET(request('/x'), params(lotId))).json(),
      '/api/v1/me/unread': await (await unreadRoute.GET()).json(),
      '/api/v1/time': await timeRoute.GET().json(),
    };
    for (const [path, body] of Object.entries(real)) {
      const schema = validator(path);
      expect(schema.safeParse(body).success, path).toBe(true);
      expect(schema.safeParse({ ...body, id: 'not-a-number' }).success, `${path} broken`).toBe(false);
    }
    expect(validator('/api/v1/lots/{id}').safeParse({ ...real['/api/v1/lots/{id}'], reservePrice: 1 }).success).toBe(
      false,
    );
    // Errors follow the documented shape too.
    const refused = await (await lotRoute.GET(request('/x'), params('x'))).json();
    const errorSchema = fromDocument('#/components/schemas/Error');
    expect(errorSchema.safeParse(refused).success).toBe(true);
  });
});
