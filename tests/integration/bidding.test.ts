import { asc, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import type { Database } from '@/db/client';
import { bids, lots } from '@/db/schema';
import { placeBid, setProxyBid } from '@/lib/bidding/place-bid';
import { seedBuyer } from '../support/factories';
import { at, MINUTE, payDeposit, publishedAuction, tick, yuan } from '../support/lifecycle';
import { databaseForEachTest, testDrivers } from '../support/test-database';

const T0 = new Date('2026-11-02T02:00:00Z');

async function liveLot(db: Database, { buyers = 2, reservePrice = null as number | null } = {}) {
  const auction = await publishedAuction(db, T0, { lots: [{ startPrice: yuan(100), reservePrice }] });
  await tick(db, auction.startsAt);
  const users = [];
  for (let i = 0; i < buyers; i++) {
    const user = await seedBuyer(db);
    await payDeposit(db, { userId: user.id, auctionId: auction.auctionId, now: auction.startsAt });
    users.push(user.id);
  }
  return { ...auction, lotId: auction.lotIds[0]!, users, live: at(auction.startsAt, MINUTE) };
}

const history = (db: Database, lotId: number) =>
  db
    .select({ userId: bids.userId, amount: bids.amount, isProxy: bids.isProxy })
    .from(bids)
    .where(eq(bids.lotId, lotId))
    .orderBy(asc(bids.id));

describe.each(testDrivers())('bidding on %s', (driver) => {
  const current = databaseForEachTest(driver);

  it('takes the start price first, then the ladder’s increment, and refuses to outbid oneself', async () => {
    const db = current().db;
    const x = await liveLot(db);
    const [a, b] = x.users as [number, number];
    await expect(placeBid({ db, userId: a, lotId: x.lotId, amount: yuan(99), now: x.live })).rejects.toMatchObject({
      code: 'BID_TOO_LOW',
      status: 409,
      details: { params: { minimum: '¥100.00' } },
    });
    await placeBid({ db, userId: a, lotId: x.lotId, amount: yuan(100), now: x.live });
    await expect(placeBid({ db, userId: a, lotId: x.lotId, amount: yuan(200), now: x.live })).rejects.toMatchObject({
      code: 'ALREADY_LEADING',
      status: 409,
    });
    await expect(placeBid({ db, userId: b, lotId: x.lotId, amount: yuan(109), now: x.live })).rejects.toMatchObject({
      code: 'BID_TOO_LOW',
      details: { params: { minimum: '¥110.00' }, fieldErrors: { amount: ['bid.tooLow'] } },
    });
    const outcome = await placeBid({ db, userId: b, lotId: x.lotId, amount: yuan(110), now: x.live });
    expect(outcome).toMatchObject({ currentPrice: yuan(110), leaderId: b, bidCount: 2 });
    expect(await history(db, x.lotId)).toEqual([
      { userId: a, amount: yuan(100), isProxy: false },
      { userId: b, amount: yuan(110), isProxy: false },
    ]);
  });

  it('refuses a buyer without a held deposit, and writes nothing', async () => {
    const db = current().db;
    const x = await liveLot(db, { buyers: 0 });
    const stranger = await seedBuyer(db);
    await expect(
      placeBid({ db, userId: stranger.id, lotId: x.lotId, amount: yuan(100), now: x.live }),
    ).rejects.toMatchObject({ code: 'DEPOSIT_REQUIRED', status: 403 });
    expect(await db.$count(bids)).toBe(0);
  });

  it('refuses a bid one millisecond after the end even though no tick has run', async () => {
    const db = current().db;
    const x = await liveLot(db);
    await expect(
      placeBid({ db, userId: x.users[0]!, lotId: x.lotId, amount: yuan(100), now: at(x.endsAt, 1) }),
    ).rejects.toMatchObject({ code: 'LOT_NOT_BIDDABLE' });
    await expect(
      placeBid({ db, userId: x.users[0]!, lotId: x.lotId, amount: yuan(100), now: at(x.endsAt, -1) }),
    ).resolves.toMatchObject({ currentPrice: yuan(100) });
    const [lot] = await db.select().from(lots).where(eq(lots.id, x.lotId));
    expect(lot!.status).toBe('live');
  });

  it('refuses bids before the auction goes live', async () => {
    const db = current().db;
    const auction = await publishedAuction(db, T0);
    const buyer = await seedBuyer(db);
    await payDeposit(db, { userId: buyer.id, auctionId: auction.auctionId, now: auction.previewStartsAt });
    await expect(
      placeBid({ db, userId: buyer.id, lotId: auction.lotIds[0]!, amount: yuan(100), now: at(auction.startsAt, -1) }),
    ).rejects.toMatchObject({ code: 'LOT_NOT_BIDDABLE' });
  });

  it('anti-sniping: a bid in the last five minutes moves the end to five minutes after it', async () => {
    const db = current().db;
    const x = await liveLot(db);
    const late = at(x.endsAt, -2 * MINUTE);
    const outcome = await placeBid({ db, userId: x.users[0]!, lotId: x.lotId, amount: yuan(100), now: late });
    expect(outcome.endsAt).toEqual(at(late, 5 * MINUTE));
    // The old end passes: the lot stays open, takes bids, and the tick leaves it alone.
    await tick(db, at(x.endsAt, MINUTE));
    await placeBid({ db, userId: x.users[1]!, lotId: x.lotId, amount: yuan(110), now: at(x.endsAt, MINUTE) });
    const [lot] = await db.select().from(lots).where(eq(lots.id, x.lotId));
    expect(lot).toMatchObject({ status: 'live', currentPrice: yuan(110) });
    await tick(db, at(x.endsAt, 6 * MINUTE));
    const [closed] = await db.select().from(lots).where(eq(lots.id, x.lotId));
    expect(closed).toMatchObject({ status: 'sold', winnerId: x.users[1], dealPrice: yuan(110) });
  });

  it('closes unsold when the highest bid is below the hidden reserve', async () => {
    const db = current().db;
    const x = await liveLot(db, { reservePrice: yuan(500) });
    await placeBid({ db, userId: x.users[0]!, lotId: x.lotId, amount: yuan(400), now: x.live });
    await tick(db, x.endsAt);
    const [lot] = await db.select().from(lots).where(eq(lots.id, x.lotId));
    expect(lot).toMatchObject({ status: 'unsold', winnerId: null });
  });

  it('proxy bidding: the system bids the minimum needed, and the earlier of equal maxima wins', async () => {
    const db = current().db;
    const x = await liveLot(db, { buyers: 3 });
    const [a, b, c] = x.users as [number, number, number];
    await setProxyBid({ db, userId: a, lotId: x.lotId, maxAmount: yuan(300), now: x.live });
    expect(await history(db, x.lotId)).toEqual([{ userId: a, amount: yuan(100), isProxy: true }]);
    // b bids by hand; a's proxy answers with one increment over it.
    await placeBid({ db, userId: b, lotId: x.lotId, amount: yuan(150), now: at(x.live, MINUTE) });
    // c sets the same maximum later: a keeps the lead at its maximum, answering c's proxy
    // at the highest bid it can still top on the ladder (never a over his own 160).
    const outcome = await setProxyBid({
      db,
      userId: c,
      lotId: x.lotId,
      maxAmount: yuan(300),
      now: at(x.live, 2 * MINUTE),
    });
    expect(outcome).toMatchObject({ leaderId: a, currentPrice: yuan(300) });
    expect(await history(db, x.lotId)).toEqual([
      { userId: a, amount: yuan(100), isProxy: true },
      { userId: b, amount: yuan(150), isProxy: false },
      { userId: a, amount: yuan(160), isProxy: true },
      { userId: c, amount: yuan(290), isProxy: true },
      { userId: a, amount: yuan(300), isProxy: true },
    ]);
    // A higher maximum takes the lead at a's maximum plus one increment.
    const taken = await setProxyBid({
      db,
      userId: b,
      lotId: x.lotId,
      maxAmount: yuan(1_000),
      now: at(x.live, 3 * MINUTE),
    });
    expect(taken).toMatchObject({ leaderId: b, currentPrice: yuan(310) });
  });

  it('keeps every bid on the ladder: a leader’s maximum must reach the next minimum (issue 8: no ¥505 after ¥500)', async () => {
    const db = current().db;
    const x = await liveLot(db, { buyers: 2 });
    const [a, b] = x.users as [number, number];
    await placeBid({ db, userId: b, lotId: x.lotId, amount: yuan(490), now: x.live });
    await placeBid({ db, userId: a, lotId: x.lotId, amount: yuan(500), now: x.live });
    await expect(
      setProxyBid({ db, userId: a, lotId: x.lotId, maxAmount: yuan(505), now: x.live }),
    ).rejects.toMatchObject({
      code: 'BID_TOO_LOW',
      details: { params: { minimum: '¥510.00' }, fieldErrors: { maxAmount: ['bid.tooLow'] } },
    });
    await setProxyBid({ db, userId: a, lotId: x.lotId, maxAmount: yuan(510), now: x.live });
    const outcome = await setProxyBid({
      db,
      userId: b,
      lotId: x.lotId,
      maxAmount: yuan(1_000),
      now: at(x.live, MINUTE),
    });
    expect(outcome).toMatchObject({ leaderId: b, currentPrice: yuan(520) });
    expect(await history(db, x.lotId)).toEqual([
      { userId: b, amount: yuan(490), isProxy: false },
      { userId: a, amount: yuan(500), isProxy: false },
      { userId: b, amount: yuan(520), isProxy: true },
    ]);
  });

  it('a bid by hand equal to an earlier maximum is recorded, and the maximum keeps the lead at that amount (eBay’s rule)', async () => {
    const db = current().db;
    const x = await liveLot(db, { buyers: 2 });
    const [a, b] = x.users as [number, number];
    await setProxyBid({ db, userId: a, lotId: x.lotId, maxAmount: yuan(300), now: x.live });
    const outcome = await placeBid({ db, userId: b, lotId: x.lotId, amount: yuan(300), now: at(x.live, MINUTE) });
    expect(outcome).toMatchObject({ leaderId: a, currentPrice: yuan(300), bidCount: 2 });
    expect(await history(db, x.lotId)).toEqual([
      { userId: a, amount: yuan(100), isProxy: true },
      { userId: b, amount: yuan(300), isProxy: false },
    ]);
    await expect(
      placeBid({ db, userId: b, lotId: x.lotId, amount: yuan(300), now: at(x.live, 2 * MINUTE) }),
    ).rejects.toMatchObject({ code: 'BID_TOO_LOW', details: { params: { minimum: '¥310.00' } } });
    await tick(db, x.endsAt);
    const [lot] = await db.select().from(lots).where(eq(lots.id, x.lotId));
    expect(lot).toMatchObject({ status: 'sold', winnerId: a, dealPrice: yuan(300) });
  });

  it('limits how fast one buyer can bid', async () => {
    const db = current().db;
    const x = await liveLot(db);
    const attempts = Array.from({ length: 21 }, () =>
      placeBid({ db, userId: x.users[0]!, lotId: x.lotId, amount: yuan(1), now: x.live }).catch(
        (error: { code: string }) => error.code,
      ),
    );
    const codes = await Promise.all(attempts);
    expect(codes.filter((code) => code === 'RATE_LIMITED')).toHaveLength(1);
  });
});
