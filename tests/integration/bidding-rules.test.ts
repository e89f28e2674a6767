import { asc, eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import type { Database } from '@/db/client';
import { auctions, bids, lots, orders, proxyBids, users } from '@/db/schema';
import { placeBid, setProxyBid } from '@/lib/bidding/place-bid';
import { publishAuction } from '@/lib/auctions/publish-auction';
import { buyerPremium, MAX_PRICE_FEN } from '@/lib/money';
import { seedBuyer } from '../support/factories';
import { at, HOUR, MINUTE, payDeposit, publishedAuction, tick, yuan } from '../support/lifecycle';
import { databaseForEachTest, testDrivers } from '../support/test-database';

const T0 = new Date('2026-11-05T02:00:00Z');
const SECOND = 1_000;

type Settings = Partial<typeof auctions.$inferInsert>;

/** A live auction whose buyers each hold a session deposit. */
async function liveAuction(
  db: Database,
  { buyers = 2, settings = {} as Settings, lots: plans = [{}] as { startPrice?: number }[] } = {},
) {
  const auction = await publishedAuction(db, T0, { lots: plans, settings });
  await tick(db, auction.startsAt);
  const users: number[] = [];
  for (let i = 0; i < buyers; i++) {
    const user = await seedBuyer(db);
    await payDeposit(db, { userId: user.id, auctionId: auction.auctionId, now: auction.startsAt });
    users.push(user.id);
  }
  return { ...auction, lotId: auction.lotIds[0]!, users, live: at(auction.startsAt, MINUTE) };
}

const lotRow = async (db: Database, lotId: number) => (await db.select().from(lots).where(eq(lots.id, lotId)))[0];

/** Everything a bid could write: bid rows, proxy rows, and the lot itself. */
const footprint = async (db: Database, lotId: number) => ({
  bids: await db.$count(bids),
  proxies: await db.$count(proxyBids),
  lot: (await lotRow(db, lotId)) ?? null,
});

describe.each(testDrivers())('bidding rules on %s', (driver) => {
  const current = databaseForEachTest(driver);

  describe('every refusal has its code and writes nothing', () => {
    /** Both verbs refused with `code`, and no bid, proxy or lot change left behind. */
    async function expectRefused(
      db: Database,
      { userId, lotId, amount, now }: { userId: number; lotId: number; amount: number; now: Date },
      code: string,
      verbs: ('bid' | 'proxy')[] = ['bid', 'proxy'],
    ) {
      const before = await footprint(db, lotId);
      for (const verb of verbs) {
        const attempt =
          verb === 'bid'
            ? placeBid({ db, userId, lotId, amount, now })
            : setProxyBid({ db, userId, lotId, maxAmount: amount, now });
        await expect(attempt, verb).rejects.toMatchObject({ code });
      }
      expect(await footprint(db, lotId)).toEqual(before);
    }

    it('NOT_FOUND for a missing lot and for a lot of a draft auction', async () => {
      const db = current().db;
      const x = await liveAuction(db);
      await expectRefused(db, { userId: x.users[0]!, lotId: 987_654, amount: yuan(100), now: x.live }, 'NOT_FOUND');
      const [draft] = await db
        .insert(auctions)
        .values({
          title: '草稿',
          previewStartsAt: at(T0, HOUR),
          previewEndsAt: at(T0, 2 * HOUR),
          startsAt: at(T0, 2 * HOUR),
          endsAt: at(T0, 3 * HOUR),
        })
        .returning();
      const [lot] = await db
        .insert(lots)
        .values({ auctionId: draft!.id, title: '草稿拍品', startPrice: yuan(100) })
        .returning();
      await expectRefused(db, { userId: x.users[0]!, lotId: lot!.id, amount: yuan(100), now: x.live }, 'NOT_FOUND');
    });

    it('BIDDING_BLOCKED once the buyer’s bidding_blocked_at is set, deposit or not', async () => {
      const db = current().db;
      const x = await liveAuction(db);
      await db.update(users).set({ biddingBlockedAt: x.startsAt, strikes: 3 }).where(eq(users.id, x.users[0]!));
      await expectRefused(
        db,
        { userId: x.users[0]!, lotId: x.lotId, amount: yuan(100), now: x.live },
        'BIDDING_BLOCKED',
      );
      await expect(
        placeBid({ db, userId: x.users[1]!, lotId: x.lotId, amount: yuan(100), now: x.live }),
      ).resolves.toMatchObject({ leaderId: x.users[1] });
    });

    it('LOT_NOT_BIDDABLE before the lot is live and from its end on', async () => {
      const db = current().db;
      const upcoming = await publishedAuction(db, T0);
      const early = await seedBuyer(db);
      await payDeposit(db, { userId: early.id, auctionId: upcoming.auctionId, now: upcoming.previewStartsAt });
      await expectRefused(
        db,
        { userId: early.id, lotId: upcoming.lotIds[0]!, amount: yuan(100), now: at(upcoming.startsAt, -1) },
        'LOT_NOT_BIDDABLE',
      );
      const x = await liveAuction(db);
      await expectRefused(
        db,
        { userId: x.users[0]!, lotId: x.lotId, amount: yuan(100), now: x.endsAt },
        'LOT_NOT_BIDDABLE',
      );
    });

    it('DEPOSIT_REQUIRED without a held deposit covering the lot', async () => {
      const db = current().db;
      const x = await liveAuction(db, { buyers: 0 });
      const stranger = await seedBuyer(db);
      await expectRefused(
        db,
        { userId: stranger.id, lotId: x.lotId, amount: yuan(100), now: x.live },
        'DEPOSIT_REQUIRED',
      );
    });

    it('ALREADY_LEADING for a bid over one’s own, while the leader may still raise a maximum', async () => {
      const db = current().db;
      const x = await liveAuction(db);
      await placeBid({ db, userId: x.users[0]!, lotId: x.lotId, amount: yuan(100), now: x.live });
      await expectRefused(
        db,
        { userId: x.users[0]!, lotId: x.lotId, amount: yuan(200), now: x.live },
        'ALREADY_LEADING',
        ['bid'],
      );
      await expect(
        setProxyBid({ db, userId: x.users[0]!, lotId: x.lotId, maxAmount: yuan(200), now: x.live }),
      ).resolves.toMatchObject({ leaderId: x.users[0], currentPrice: yuan(100) });
    });

    it('BID_TOO_LOW with the minimum in ¥, for a bid and for a maximum', async () => {
      const db = current().db;
      const x = await liveAuction(db);
      await placeBid({ db, userId: x.users[0]!, lotId: x.lotId, amount: yuan(100), now: x.live });
      await expectRefused(db, { userId: x.users[1]!, lotId: x.lotId, amount: yuan(109), now: x.live }, 'BID_TOO_LOW');
      await expect(
        placeBid({ db, userId: x.users[1]!, lotId: x.lotId, amount: yuan(109), now: x.live }),
      ).rejects.toMatchObject({ status: 409, details: { params: { minimum: '¥110.00' } } });
      // The leader too: a maximum of ¥100.01 over his own ¥100 could never be bid on the ladder.
      await expectRefused(
        db,
        { userId: x.users[0]!, lotId: x.lotId, amount: yuan(100) + 1, now: x.live },
        'BID_TOO_LOW',
        ['proxy'],
      );
    });
  });

  describe('anti-sniping', () => {
    it('a bid at exactly the window’s start extends the lot; one a millisecond earlier does not', async () => {
      const db = current().db;
      const x = await liveAuction(db, { settings: { antiSnipingMinutes: 5, antiSnipingExtensionMinutes: 10 } });
      const [a, b] = x.users as [number, number];
      const early = await placeBid({
        db,
        userId: a,
        lotId: x.lotId,
        amount: yuan(100),
        now: at(x.endsAt, -5 * MINUTE - 1),
      });
      expect(early.endsAt).toEqual(x.endsAt);
      const onTheEdge = await placeBid({
        db,
        userId: b,
        lotId: x.lotId,
        amount: yuan(110),
        now: at(x.endsAt, -5 * MINUTE),
      });
      expect(onTheEdge.endsAt).toEqual(at(x.endsAt, 5 * MINUTE));
      expect(await lotRow(db, x.lotId)).toMatchObject({
        endsAt: at(x.endsAt, 5 * MINUTE),
        nextTransitionAt: at(x.endsAt, 5 * MINUTE),
      });
    });

    it('stops at the cap counted from the scheduled end, reached exactly, then the lot closes there', async () => {
      const db = current().db;
      const x = await liveAuction(db, {
        settings: { antiSnipingMinutes: 5, antiSnipingExtensionMinutes: 5, antiSnipingCapMinutes: 7 },
      });
      const [a, b] = x.users as [number, number];
      expect(
        (await placeBid({ db, userId: a, lotId: x.lotId, amount: yuan(100), now: at(x.endsAt, -MINUTE) })).endsAt,
      ).toEqual(at(x.endsAt, 4 * MINUTE));
      // 2 min + 5 min = 7 min: the cap exactly.
      expect(
        (await placeBid({ db, userId: b, lotId: x.lotId, amount: yuan(110), now: at(x.endsAt, 2 * MINUTE) })).endsAt,
      ).toEqual(at(x.endsAt, 7 * MINUTE));
      expect(
        (await placeBid({ db, userId: a, lotId: x.lotId, amount: yuan(120), now: at(x.endsAt, 7 * MINUTE - 1) }))
          .endsAt,
      ).toEqual(at(x.endsAt, 7 * MINUTE));
      await expect(
        placeBid({ db, userId: b, lotId: x.lotId, amount: yuan(130), now: at(x.endsAt, 7 * MINUTE) }),
      ).rejects.toMatchObject({ code: 'LOT_NOT_BIDDABLE' });
      await tick(db, at(x.endsAt, 7 * MINUTE - 1));
      expect(await lotRow(db, x.lotId)).toMatchObject({ status: 'live' });
      await tick(db, at(x.endsAt, 7 * MINUTE));
      expect(await lotRow(db, x.lotId)).toMatchObject({
        status: 'sold',
        winnerId: a,
        dealPrice: yuan(120),
        closedAt: at(x.endsAt, 7 * MINUTE),
      });
    });

    it('never extends with a cap of 0', async () => {
      const db = current().db;
      const x = await liveAuction(db, { settings: { antiSnipingCapMinutes: 0 } });
      const outcome = await placeBid({
        db,
        userId: x.users[0]!,
        lotId: x.lotId,
        amount: yuan(100),
        now: at(x.endsAt, -1),
      });
      expect(outcome.endsAt).toEqual(x.endsAt);
      await expect(
        placeBid({ db, userId: x.users[1]!, lotId: x.lotId, amount: yuan(110), now: x.endsAt }),
      ).rejects.toMatchObject({ code: 'LOT_NOT_BIDDABLE' });
    });
  });

  describe('staggered closing', () => {
    it('lots close closing_interval_seconds apart by position then id, through the real tick, and the auction after the last', async () => {
      const db = current().db;
      const schedule = {
        previewStartsAt: at(T0, HOUR),
        previewEndsAt: at(T0, 2 * HOUR),
        startsAt: at(T0, 2 * HOUR),
        endsAt: at(T0, 3 * HOUR),
      };
      const [auction] = await db
        .insert(auctions)
        .values({ title: '分批结拍', closingIntervalSeconds: 30, ...schedule })
        .returning();
      // Inserted out of order: ranks are by position, then id.
      const inserted = await db
        .insert(lots)
        .values(
          [1, 0, 1].map((position, index) => ({
            auctionId: auction!.id,
            position,
            title: `拍品 ${index}`,
            startPrice: yuan(100),
          })),
        )
        .returning({ id: lots.id });
      const [second, first, third] = inserted.map((lot) => lot.id) as [number, number, number];
      await publishAuction({ db, auctionId: auction!.id, now: T0 });
      const slot = (rank: number) => at(schedule.endsAt, rank * 30 * SECOND);
      for (const [rank, id] of [first, second, third].entries())
        expect(await lotRow(db, id), `rank ${rank}`).toMatchObject({ scheduledEndsAt: slot(rank), endsAt: slot(rank) });

      await tick(db, schedule.startsAt);
      const buyer = await seedBuyer(db);
      await payDeposit(db, { userId: buyer.id, auctionId: auction!.id, now: schedule.startsAt });
      for (const id of [first, second, third])
        await placeBid({ db, userId: buyer.id, lotId: id, amount: yuan(100), now: at(schedule.startsAt, MINUTE) });

      const statuses = async () =>
        Promise.all([first, second, third].map(async (id) => (await lotRow(db, id))!.status));
      const auctionStatus = async () =>
        (await db.select().from(auctions).where(eq(auctions.id, auction!.id)))[0]!.status;
      await tick(db, at(slot(0), -1));
      expect(await statuses()).toEqual(['live', 'live', 'live']);
      await tick(db, slot(0));
      expect(await statuses()).toEqual(['sold', 'live', 'live']);
      // The second lot still takes bids after the auction's own end, up to its slot.
      await expect(
        placeBid({ db, userId: buyer.id, lotId: second, amount: yuan(110), now: at(slot(1), -1) }),
      ).rejects.toMatchObject({ code: 'ALREADY_LEADING' });
      await tick(db, at(slot(1), -1));
      expect(await statuses()).toEqual(['sold', 'live', 'live']);
      await tick(db, slot(1));
      expect(await statuses()).toEqual(['sold', 'sold', 'live']);
      await tick(db, at(slot(2), -1));
      expect([await statuses(), await auctionStatus()]).toEqual([['sold', 'sold', 'live'], 'live']);
      await tick(db, slot(2));
      expect([await statuses(), await auctionStatus()]).toEqual([['sold', 'sold', 'sold'], 'ended']);
      const closed = await db.select({ id: lots.id, closedAt: lots.closedAt }).from(lots).orderBy(asc(lots.closedAt));
      expect(closed).toEqual([first, second, third].map((id, rank) => ({ id, closedAt: slot(rank) })));
    });

    it('anti-sniping on a staggered lot counts its cap from the lot’s own scheduled end', async () => {
      const db = current().db;
      const x = await liveAuction(db, {
        lots: [{}, {}],
        settings: {
          closingIntervalSeconds: 600,
          antiSnipingMinutes: 5,
          antiSnipingExtensionMinutes: 5,
          antiSnipingCapMinutes: 3,
        },
      });
      const second = x.lotIds[1]!;
      const ownEnd = at(x.endsAt, 10 * MINUTE);
      expect(await lotRow(db, second)).toMatchObject({ scheduledEndsAt: ownEnd });
      // 9 min after the auction's end is 1 min before this lot's: extended, capped at its end + 3 min.
      const outcome = await placeBid({
        db,
        userId: x.users[0]!,
        lotId: second,
        amount: yuan(100),
        now: at(ownEnd, -MINUTE),
      });
      expect(outcome.endsAt).toEqual(at(ownEnd, 3 * MINUTE));
      await tick(db, at(ownEnd, 3 * MINUTE - 1));
      expect(await lotRow(db, second)).toMatchObject({ status: 'live' });
      await tick(db, at(ownEnd, 3 * MINUTE));
      expect(await lotRow(db, second)).toMatchObject({ status: 'sold', closedAt: at(ownEnd, 3 * MINUTE) });
    });
  });

  it('buyer’s premium: orders carry the deal price × bps rounded half up to the fen, as buyerPremium() computes it', async () => {
    const db = current().db;
    const prices = [1, 3, 4, 5, 12, 36, 9_999, yuan(10_500) + 4];
    const x = await liveAuction(db, {
      buyers: 1,
      settings: { buyerPremiumBps: 1250 },
      lots: prices.map((startPrice) => ({ startPrice })),
    });
    for (const [index, lotId] of x.lotIds.entries())
      await placeBid({ db, userId: x.users[0]!, lotId, amount: prices[index]!, now: at(x.live, index * SECOND) });
    await tick(db, x.endsAt);
    const created = await db
      .select({ dealPrice: orders.dealPrice, buyerPremium: orders.buyerPremium })
      .from(orders)
      .orderBy(asc(orders.dealPrice));
    expect(created).toEqual(prices.map((dealPrice) => ({ dealPrice, buyerPremium: buyerPremium(dealPrice, 1250) })));
    expect(created.map((order) => order.buyerPremium)).toEqual([0, 0, 1, 1, 2, 5, 1_250, 131_251]);
    const [due] = await db
      .execute<{ total: string }>(sql`select sum(amount_due)::text as total from orders`)
      .then((result) => result.rows);
    expect(Number(due!.total)).toBe(prices.reduce((sum, price) => sum + price + buyerPremium(price, 1250), 0));
  });

  it('refuses bids and maxima above the ¥1 billion ceiling, and a premium on the largest price still fits', async () => {
    const db = current().db;
    const auction = await liveAuction(db, { settings: { buyerPremiumBps: 10_000 } });
    const [buyer, rival] = auction.users;
    const before = await footprint(db, auction.lotId);
    for (const attempt of [
      () => placeBid({ db, userId: buyer!, lotId: auction.lotId, amount: MAX_PRICE_FEN + 100, now: auction.live }),
      () =>
        setProxyBid({ db, userId: buyer!, lotId: auction.lotId, maxAmount: 9_007_199_254_740_900, now: auction.live }),
    ]) {
      await expect(attempt()).rejects.toMatchObject({ code: 'VALIDATION' });
    }
    expect(await footprint(db, auction.lotId)).toEqual(before);
    await placeBid({ db, userId: rival!, lotId: auction.lotId, amount: MAX_PRICE_FEN, now: auction.live });
    await tick(db, auction.endsAt);
    const [order] = await db.select().from(orders).where(eq(orders.lotId, auction.lotId));
    expect(order).toMatchObject({ dealPrice: MAX_PRICE_FEN, buyerPremium: MAX_PRICE_FEN });
  });
});
