import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { asc, eq } from 'drizzle-orm';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { auctions, lots, orders } from '@/db/schema';
import { placeBid } from '@/lib/bidding/place-bid';
import { fixedClock, setClock } from '@/lib/clock';
import { seedBuyer } from '../support/factories';
import { at, MINUTE, payDeposit, publishedAuction, yuan } from '../support/lifecycle';
import { databaseForEachTest, testDrivers, type TestDatabase } from '../support/test-database';

const state = vi.hoisted(() => ({ database: null as TestDatabase | null }));
vi.mock('@/db', async (original) => ({
  ...(await original<typeof import('@/db')>()),
  db: () => state.database!.db,
  appDatabase: () => state.database!,
}));
const CRON_SECRET = 'tick-route-cron-secret-0123456789';
vi.stubEnv('AUTH_SECRET', 'tick-route-auth-secret-0123456789');
vi.stubEnv('CRON_SECRET', CRON_SECRET);
// The tick also sweeps abandoned uploads: keep it away from the worktree's own .data.
vi.stubEnv('GAVEL_DATA_DIR', await fs.mkdtemp(path.join(os.tmpdir(), 'gavel-tick-route-')));

const { GET, POST } = await import('@/app/api/tick/route');
const url = 'http://127.0.0.1/api/tick';
const T0 = new Date('2026-11-01T02:00:00Z');

type Handler = (request: Request) => Promise<Response>;
const call = (handler: Handler, authorization?: string) =>
  handler(
    new Request(url, { method: handler === GET ? 'GET' : 'POST', headers: authorization ? { authorization } : {} }),
  );

describe.each(testDrivers())('tick route on %s', (driver) => {
  const current = databaseForEachTest(driver);
  let restoreClock = () => {};
  afterEach(() => restoreClock());

  /** The route reads the process clock, as it does behind /api/test/clock in e2e. */
  function clockAt(moment: Date) {
    restoreClock();
    restoreClock = setClock(fixedClock(moment));
  }

  async function auctionStatus(auctionId: number) {
    const [row] = await current()
      .db.select({ status: auctions.status })
      .from(auctions)
      .where(eq(auctions.id, auctionId));
    return row?.status;
  }

  it('answers 401 without the cron bearer or with a wrong one, and advances nothing', async () => {
    state.database = current();
    const auction = await publishedAuction(current().db, T0);
    clockAt(auction.endsAt);
    const refusals: [Handler, string | undefined][] = [
      [GET, undefined],
      [POST, undefined],
      [GET, 'Bearer wrong-secret'],
      [POST, `Bearer ${CRON_SECRET}x`],
      [GET, CRON_SECRET],
      [POST, `Basic ${CRON_SECRET}`],
    ];
    for (const [handler, authorization] of refusals) {
      const response = await call(handler, authorization);
      expect(response.status, `${handler === GET ? 'GET' : 'POST'} with ${authorization ?? 'no authorization'}`).toBe(
        401,
      );
      expect(await response.json()).toMatchObject({ error: 'UNAUTHENTICATED' });
    }
    expect(await auctionStatus(auction.auctionId)).toBe('scheduled');
  });

  it('with the bearer advances what is due and answers with the summary, by GET (Vercel cron) and POST', async () => {
    state.database = current();
    const { db } = current();
    const [winner, rival] = await Promise.all([seedBuyer(db), seedBuyer(db)]);
    const auction = await publishedAuction(db, T0, { lots: [{ startPrice: yuan(100) }, { startPrice: yuan(100) }] });
    const [sold, unsold] = auction.lotIds as [number, number];

    clockAt(at(auction.startsAt, MINUTE));
    const opening = await call(GET, `Bearer ${CRON_SECRET}`);
    expect(opening.status).toBe(200);
    expect((await opening.json()).transitions).toMatchObject({ 'auction:preview→live': 1 });
    expect(await auctionStatus(auction.auctionId)).toBe('live');

    const live = at(auction.startsAt, 2 * MINUTE);
    for (const buyer of [winner!, rival!])
      await payDeposit(db, { userId: buyer.id, auctionId: auction.auctionId, now: live });
    await placeBid({ db, userId: rival!.id, lotId: sold, amount: yuan(100), now: live });
    await placeBid({ db, userId: winner!.id, lotId: sold, amount: yuan(300), now: at(live, MINUTE) });

    clockAt(at(auction.endsAt, MINUTE));
    const closing = await call(POST, `Bearer ${CRON_SECRET}`);
    expect(closing.status).toBe(200);
    const summary = await closing.json();
    expect(summary).toMatchObject({
      transitions: { 'auction:live→ended': 1, 'lot:live→sold': 1, 'lot:live→unsold': 1 },
      remaining: { auctions: 0, lots: 0, orders: 0 },
      outbox: { failed: 0 },
    });
    expect(await auctionStatus(auction.auctionId)).toBe('ended');
    const lotRows = await db.select().from(lots).where(eq(lots.auctionId, auction.auctionId)).orderBy(asc(lots.id));
    expect(lotRows.map((lot) => [lot.id, lot.status, lot.winnerId, lot.dealPrice])).toEqual([
      [sold, 'sold', winner!.id, yuan(300)],
      [unsold, 'unsold', null, null],
    ]);
    const orderRows = await db.select().from(orders).where(eq(orders.auctionId, auction.auctionId));
    expect(orderRows.map((order) => [order.lotId, order.userId, order.status])).toEqual([
      [sold, winner!.id, 'pending_payment'],
    ]);

    // Cron retries and overlapping calls find nothing left to do.
    const again = await call(GET, `Bearer ${CRON_SECRET}`);
    expect((await again.json()).transitions).toEqual({});
  });
});
