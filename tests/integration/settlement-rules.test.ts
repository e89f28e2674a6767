import { asc, eq, sql } from 'drizzle-orm';
import { createTranslator } from 'next-intl';
import { describe, expect, it } from 'vitest';
import type { Database } from '@/db/client';
import { auctions, lots, notifications, orders, users } from '@/db/schema';
import { dashboardStats } from '@/lib/admin/dashboard-stats';
import { listAuctionsForAdmin } from '@/lib/admin/list-auctions';
import { getPublicAuction } from '@/lib/auctions/get-public-auction';
import { listPublicAuctions } from '@/lib/auctions/list-public-auctions';
import { placeBid } from '@/lib/bidding/place-bid';
import { cancelAuction } from '@/lib/auctions/cancel-auction';
import { enMessages as en, zhCNMessages as zhCN } from '@/lib/i18n/messages';
import { pageRequest } from '@/lib/pagination';
import { seedBuyer } from '../support/factories';
import { at, DAY, HOUR, MINUTE, payDeposit, payOrder, publishedAuction, tick, yuan } from '../support/lifecycle';
import { databaseForEachTest, testDrivers } from '../support/test-database';

const T0 = new Date('2026-11-08T02:00:00Z');

/**
 * One buyer wins every lot of a live auction. Lot i closes i × 10 minutes after the
 * auction's end (as if anti-sniping had pushed it), so its order is due i × 10 minutes
 * after the first one's.
 */
async function wonEverything(db: Database, lotCount: number) {
  const buyer = await seedBuyer(db);
  const auction = await publishedAuction(db, T0, {
    lots: Array.from({ length: lotCount }, (_, i) => ({ title: `茶 ${i + 1}` })),
  });
  const closes = auction.lotIds.map((_, i) => at(auction.endsAt, i * 10 * MINUTE));
  for (const [i, lotId] of auction.lotIds.entries())
    await db.update(lots).set({ endsAt: closes[i]! }).where(eq(lots.id, lotId));
  await tick(db, auction.startsAt);
  await payDeposit(db, { userId: buyer.id, auctionId: auction.auctionId, now: auction.startsAt });
  for (const lotId of auction.lotIds)
    await placeBid({ db, userId: buyer.id, lotId, amount: yuan(100), now: at(auction.startsAt, MINUTE) });
  return { ...auction, buyer, closes, lastClose: closes.at(-1)! };
}

describe.each(testDrivers())('engine rules on %s', (driver) => {
  const current = databaseForEachTest(driver);

  describe('every read shows the machine at now', () => {
    it('the admin list and dashboard show an auction live, then ended, before any tick says so', async () => {
      const db = current().db;
      const x = await wonEverything(db, 2);
      const read = async (now: Date) => ({
        list: (await listAuctionsForAdmin({ db, page: pageRequest(1, 10), now })).items.map((row) => row.status),
        stats: await dashboardStats({ db, now }),
      });
      // Stored `scheduled` until a tick: at the preview it already reads preview.
      await db.update(auctions).set({ status: 'scheduled' }).where(eq(auctions.id, x.auctionId));
      expect((await read(x.previewStartsAt)).list).toEqual(['preview']);
      await db.update(auctions).set({ status: 'live' }).where(eq(auctions.id, x.auctionId));
      expect(await read(at(x.endsAt, -MINUTE))).toMatchObject({
        list: ['live'],
        stats: { live: 1, upcoming: 0, turnover: 0 },
      });
      // Past the last close, no tick yet: ended, with both winning bids in the turnover.
      expect(await read(at(x.lastClose, MINUTE))).toMatchObject({
        list: ['ended'],
        stats: { live: 0, auctions: 1, turnover: yuan(200), pendingOrders: 0 },
      });
    });

    it('the dashboard stops counting an order as waiting once it is past due, and the lot reads overdue', async () => {
      const db = current().db;
      const x = await wonEverything(db, 1);
      await tick(db, x.lastClose);
      expect((await dashboardStats({ db, now: at(x.lastClose, HOUR) })).pendingOrders).toBe(1);
      const late = at(x.lastClose, DAY + MINUTE);
      expect((await dashboardStats({ db, now: late })).pendingOrders).toBe(0);
      const lotStatus = async (now: Date) =>
        (await getPublicAuction({ db, auctionId: x.auctionId, now }))!.lots.items[0]!.status;
      expect(await lotStatus(at(x.lastClose, HOUR))).toBe('sold');
      expect(await lotStatus(late)).toBe('overdue');
      // …which is what the tick then writes.
      await tick(db, late);
      expect((await db.select().from(lots))[0]!.status).toBe('overdue');
    });

    it('the lists count every lot of an auction and read its last lot’s end, not the lot that shares its id', async () => {
      const db = current().db;
      const x = await wonEverything(db, 3);
      const admin = await listAuctionsForAdmin({ db, page: pageRequest(1, 10), now: at(x.endsAt, MINUTE) });
      const buyers = await listPublicAuctions({ db, page: pageRequest(1, 10), now: at(x.endsAt, MINUTE) });
      expect(admin.items.map((row) => [row.lotCount, row.status])).toEqual([[3, 'live']]);
      expect(buyers.items.map((row) => [row.lotCount, row.status])).toEqual([[3, 'live']]);
      expect(
        (await listAuctionsForAdmin({ db, page: pageRequest(1, 10), now: at(x.lastClose, 0) })).items.map(
          (row) => row.status,
        ),
      ).toEqual(['ended']);
    });

    it('the dashboard’s turnover of an auction ended before any tick counts a lot already paid', async () => {
      const db = current().db;
      const x = await wonEverything(db, 2);
      await tick(db, x.endsAt);
      const [first] = await db.select().from(orders).where(eq(orders.userId, x.buyer.id));
      await payOrder(db, { userId: x.buyer.id, orderId: first!.id, now: at(x.endsAt, MINUTE) });
      // The auction row still says live; its first lot is paid and its second effectively sold.
      expect((await dashboardStats({ db, now: at(x.lastClose, MINUTE) })).turnover).toBe(yuan(200));
    });

    it('cancelling is judged at now: an auction live by the clock but stored in preview is refused and unchanged', async () => {
      const db = current().db;
      const x = await publishedAuction(db, T0);
      await tick(db, x.previewStartsAt);
      await expect(cancelAuction({ db, auctionId: x.auctionId, now: at(x.startsAt, MINUTE) })).rejects.toMatchObject({
        code: 'WRONG_STATE',
      });
      const [row] = await db.select().from(auctions).where(eq(auctions.id, x.auctionId));
      expect(row!.status).toBe('preview');
      await expect(cancelAuction({ db, auctionId: x.auctionId, now: at(x.startsAt, -MINUTE) })).resolves.toBe(
        'cancelled',
      );
    });

    it('a paid order’s lot reads paid', async () => {
      const db = current().db;
      const x = await wonEverything(db, 1);
      await tick(db, x.lastClose);
      const [order] = await db.select().from(orders);
      await payOrder(db, { userId: x.buyer.id, orderId: order!.id, now: at(x.lastClose, HOUR) });
      expect(
        (await getPublicAuction({ db, auctionId: x.auctionId, now: at(x.lastClose, 2 * DAY) }))!.lots.items[0]!.status,
      ).toBe('paid');
    });
  });

  it('endedAt and overdueAt record the deadline that caused them, however late the tick', async () => {
    const db = current().db;
    const x = await wonEverything(db, 2);
    // One tick, five days late, does everything.
    await tick(db, at(x.lastClose, 5 * DAY));
    const [auction] = await db.select().from(auctions);
    expect(auction).toMatchObject({ status: 'ended', endedAt: x.lastClose });
    const orderRows = await db.select().from(orders).orderBy(asc(orders.dueAt));
    expect(orderRows.map((o) => [o.status, o.overdueAt?.getTime()])).toEqual(
      x.closes.map((close) => ['overdue', close.getTime() + DAY]),
    );
    expect(orderRows.every((o) => o.overdueAt!.getTime() === o.dueAt.getTime())).toBe(true);
  });

  it('a lot closing after its winner’s session deposit was forfeited still gets its order, and the tick goes on', async () => {
    const db = current().db;
    const buyer = await seedBuyer(db);
    // Lot 1's deposit amount takes the whole session deposit; lot 2 closes a day later.
    const x = await publishedAuction(db, T0, { lots: [{ depositAmount: yuan(1_000) }, {}] });
    const lateClose = at(x.endsAt, DAY + HOUR);
    await db.update(lots).set({ endsAt: lateClose }).where(eq(lots.id, x.lotIds[1]!));
    await tick(db, x.startsAt);
    await payDeposit(db, { userId: buyer.id, auctionId: x.auctionId, now: x.startsAt });
    for (const lotId of x.lotIds)
      await placeBid({ db, userId: buyer.id, lotId, amount: yuan(100), now: at(x.startsAt, MINUTE) });
    await tick(db, x.endsAt);
    await tick(db, at(x.endsAt, DAY + MINUTE));
    const summary = await tick(db, lateClose);
    expect(summary.transitions).toMatchObject({ 'lot:live→sold': 1, 'auction:live→ended': 1 });
    const placed = await db.select().from(orders).where(eq(orders.userId, buyer.id)).orderBy(asc(orders.id));
    expect(placed.map((order) => [order.status, order.depositId])).toEqual([
      ['overdue', placed[0]!.depositId],
      ['pending_payment', placed[0]!.depositId],
    ]);
  });

  describe('strikes', () => {
    it('three orders overdue in one batch count three strikes and block bidding, in the same transaction', async () => {
      const db = current().db;
      const x = await wonEverything(db, 3);
      await tick(db, x.lastClose);
      await tick(db, at(x.lastClose, DAY + HOUR));
      const [buyer] = await db.select().from(users).where(eq(users.id, x.buyer.id));
      // Blocked as of the third order's deadline, not the late tick.
      expect(buyer).toMatchObject({ strikes: 3, biddingBlockedAt: at(x.lastClose, DAY) });
      const rows = await db.execute<{ entity: string; xmin: string }>(sql`
        select 'order' as entity, xmin::text from orders where status = 'overdue'
        union all select 'lot', xmin::text from lots where status = 'overdue'
        union all select 'user', xmin::text from users where id = ${x.buyer.id}`);
      // One writing transaction for all of them: the overdue orders and lots, and the strikes.
      expect(rows.rows.map((row) => row.entity).sort()).toEqual([
        'lot',
        'lot',
        'lot',
        'order',
        'order',
        'order',
        'user',
      ]);
      expect(new Set(rows.rows.map((row) => row.xmin)).size).toBe(1);
      const notices = await db.select().from(notifications).where(eq(notifications.kind, 'bidding_blocked'));
      expect(notices.map((n) => [n.userId, n.data])).toEqual([[x.buyer.id, { strikes: 3 }]]);
    });

    it('the third strike blocks when the first two were earlier; fewer do not', async () => {
      const db = current().db;
      const x = await wonEverything(db, 1);
      const other = await wonEverything(db, 1);
      await db.update(users).set({ strikes: 2 }).where(eq(users.id, x.buyer.id));
      await db.update(users).set({ strikes: 1 }).where(eq(users.id, other.buyer.id));
      await tick(db, x.lastClose);
      await tick(db, at(x.lastClose, 3 * DAY));
      const [blocked] = await db.select().from(users).where(eq(users.id, x.buyer.id));
      const [notYet] = await db.select().from(users).where(eq(users.id, other.buyer.id));
      expect(blocked).toMatchObject({ strikes: 3, biddingBlockedAt: at(x.lastClose, DAY) });
      expect(notYet).toMatchObject({ strikes: 2, biddingBlockedAt: null });
      expect(await db.$count(notifications, eq(notifications.kind, 'bidding_blocked'))).toBe(1);
    });
  });

  it('every notification the engine sends renders in zh-CN and English with all its parameters', async () => {
    const db = current().db;
    const x = await wonEverything(db, 3);
    await db.update(users).set({ strikes: 1 }).where(eq(users.id, x.buyer.id));
    await tick(db, x.lastClose);
    // Every timed step between the close and well past the deadlines.
    for (let hour = 1; hour <= 30; hour++) await tick(db, at(x.lastClose, hour * HOUR));
    const sent = await db.select().from(notifications);
    const kinds = new Set(sent.map((n) => n.kind));
    expect([...kinds]).toEqual(expect.arrayContaining(['order_created', 'order_overdue', 'bidding_blocked']));
    for (const [locale, messages] of [
      ['zh-CN', zhCN],
      ['en', en],
    ] as const) {
      const errors: string[] = [];
      const t = createTranslator({
        locale,
        messages,
        namespace: 'notifications',
        onError: (error) => errors.push(error.message),
      });
      for (const notice of sent) {
        expect(t.has(notice.kind as never), `${locale} has notifications.${notice.kind}`).toBe(true);
        const text = t(notice.kind as never, notice.data as never);
        expect(text).not.toMatch(/[{}]/);
      }
      expect(errors).toEqual([]);
    }
  });
});
