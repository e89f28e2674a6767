import { and, asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auctions, bids, deposits, lots, payments, sandboxTransactions, users } from '@/db/schema';
import { EXAMPLE_AUCTION_TITLE, seedDemoData } from '@/scripts/seed/demo';
import { dashboardStats } from '@/lib/admin/dashboard-stats';
import { getPublicAuction } from '@/lib/auctions/get-public-auction';
import { listPublicAuctions } from '@/lib/auctions/list-public-auctions';
import { pageRequest } from '@/lib/pagination';
import { createTestDatabase, testDrivers, type TestDatabase } from '../support/test-database';

const now = new Date('2026-11-25T04:00:00Z');
const yuan = (amount: number) => amount * 100;

describe.each(testDrivers())('demo seed on %s', (driver) => {
  let database: TestDatabase;
  const saved: string[] = [];
  beforeAll(async () => {
    database = await createTestDatabase(driver);
    const result = await seedDemoData({
      db: database.db,
      now,
      saveImage: async (name) => (saved.push(name), `/uploads/demo/${name}`),
    });
    expect(result.seeded).toBe(true);
  });
  afterAll(async () => {
    await database?.destroy();
  });

  it('creates the admin and the buyers of the worked example', async () => {
    const rows = await database.db.select({ name: users.name, role: users.role }).from(users);
    expect(rows.filter((row) => row.role === 'admin')).toHaveLength(1);
    expect(rows.map((row) => row.name)).toEqual(expect.arrayContaining(['白浩伟', '华新', '朱凡宇']));
  });

  it('places the example bids in order, so the example settles as design.md says', async () => {
    const [example] = await database.db.select().from(auctions).where(eq(auctions.title, EXAMPLE_AUCTION_TITLE));
    expect(example).toMatchObject({ status: 'live', depositAmount: yuan(1_000) });
    expect(example!.startsAt.getTime()).toBeLessThan(now.getTime());
    expect(example!.endsAt.getTime()).toBeGreaterThan(now.getTime());
    const lotRows = await database.db
      .select()
      .from(lots)
      .where(eq(lots.auctionId, example!.id))
      .orderBy(asc(lots.position));
    const history = async (lotId: number) =>
      (
        await database.db
          .select({ name: users.name, amount: bids.amount, placedAt: bids.placedAt })
          .from(bids)
          .innerJoin(users, eq(users.id, bids.userId))
          .where(eq(bids.lotId, lotId))
          .orderBy(asc(bids.placedAt))
      ).map((bid) => {
        expect(bid.placedAt.getTime()).toBeLessThan(now.getTime());
        return `${bid.name} ${bid.amount / 100}`;
      });
    const [a, b, c] = lotRows;
    expect(await history(a!.id)).toEqual(['白浩伟 100', '华新 200', '朱凡宇 300', '华新 400', '白浩伟 500']);
    expect(await history(b!.id)).toEqual(['白浩伟 50', '朱凡宇 200', '白浩伟 10000']);
    expect(await history(c!.id)).toEqual([]);
    expect([a, b, c].map((lot) => [lot!.depositAmount, lot!.currentPrice, lot!.bidCount])).toEqual([
      [yuan(200), yuan(500), 5],
      [yuan(900), yuan(10_000), 3],
      [yuan(100), null, 0],
    ]);
  });

  it('holds the example deposits, each backed by a payment', async () => {
    const [example] = await database.db.select().from(auctions).where(eq(auctions.title, EXAMPLE_AUCTION_TITLE));
    const rows = await database.db
      .select({
        name: users.name,
        kind: deposits.kind,
        amount: deposits.amount,
        status: deposits.status,
        paid: payments.amount,
      })
      .from(deposits)
      .innerJoin(users, eq(users.id, deposits.userId))
      .innerJoin(payments, and(eq(payments.depositId, deposits.id), eq(payments.status, 'succeeded')))
      .where(eq(deposits.auctionId, example!.id));
    const summary = rows
      .map((row) => `${row.name} ${row.kind} ${row.amount / 100} ${row.status} paid ${row.paid / 100}`)
      .sort();
    expect(summary).toEqual(
      [
        '白浩伟 session 1000 held paid 1000',
        '华新 lot 200 held paid 200',
        '朱凡宇 lot 200 held paid 200',
        '朱凡宇 lot 900 held paid 900',
        '朱凡宇 lot 100 held paid 100',
      ].sort(),
    );
  });

  it('shows the status of the clock, not of a late tick: the example reads ended once its end has passed', async () => {
    const later = new Date(now.getTime() + 2 * 3_600_000 + 1);
    const page = await listPublicAuctions({ db: database.db, page: pageRequest(1, 20), now: later });
    const example = page.items.find((item) => item.title === EXAMPLE_AUCTION_TITLE)!;
    expect(example.status).toBe('ended');
    const detail = await getPublicAuction({ db: database.db, auctionId: example.id, now: later });
    expect(detail!.lots.items.map((lot) => lot.status)).toEqual(['sold', 'sold', 'unsold']);
    const [stored] = await database.db.select().from(auctions).where(eq(auctions.id, example.id));
    expect(stored!.status).toBe('live');
  });

  it('conserves money in every deposit', async () => {
    for (const deposit of await database.db.select().from(deposits)) {
      expect(deposit.amount).toBe(deposit.balance + deposit.refundedAmount + deposit.forfeitedAmount);
    }
  });

  it('keeps the sandbox ledger consistent: each charge’s refunded total is its refunds', async () => {
    const charges = await database.db.select().from(sandboxTransactions).where(eq(sandboxTransactions.kind, 'charge'));
    const refundRows = await database.db
      .select()
      .from(sandboxTransactions)
      .where(eq(sandboxTransactions.kind, 'refund'));
    expect(refundRows.length).toBeGreaterThan(0);
    for (const charge of charges) {
      const total = refundRows
        .filter((refund) => refund.chargeReference === charge.reference)
        .reduce((sum, refund) => sum + refund.amount, 0);
      expect(charge.refundedAmount).toBe(total);
    }
  });

  it('shows buyers every published auction, live first, and never a draft or a reserve price', async () => {
    const page = await listPublicAuctions({ db: database.db, page: pageRequest(1, 20), now });
    expect(page.total).toBe(5);
    expect(page.items.map((item) => item.status)).toEqual(['live', 'live', 'preview', 'scheduled', 'ended']);
    // The example closes in two hours, the rock-tea auction tomorrow: the sooner one leads.
    expect(page.items[0]!.title).toBe(EXAMPLE_AUCTION_TITLE);
    expect(page.items.some((item) => item.title.includes('筹备中'))).toBe(false);
    const secondPage = await listPublicAuctions({ db: database.db, page: pageRequest(2, 3), now });
    expect(secondPage.items).toHaveLength(2);
    const rock = page.items.find((item) => item.title === '武夷岩茶品鉴专场')!;
    const detail = await getPublicAuction({ db: database.db, auctionId: rock.id, now });
    expect(detail!.lots.items[0]).toMatchObject({ reserveMet: false });
    expect(JSON.stringify(detail)).not.toContain('reservePrice');
    const [draft] = await database.db.select().from(auctions).where(eq(auctions.status, 'draft'));
    expect(await getPublicAuction({ db: database.db, auctionId: draft!.id, now })).toBeNull();
  });

  it('feeds the dashboard real figures', async () => {
    const stats = await dashboardStats({ db: database.db, now });
    expect(stats).toMatchObject({
      auctions: 6,
      live: 2,
      upcoming: 2,
      buyers: 5,
      turnover: yuan(2_600),
      bids: 5 + 3 + 3 + 1 + 4,
      pendingOrders: 0,
      // Example: 1000 + 200 + 200 + 900 + 100; rock tea: two session deposits; preview: one.
      depositsHeld: yuan(2_400 + 2_000 + 1_000),
    });
  });

  it('draws every picture itself and does nothing on a second run', async () => {
    expect(saved.length).toBeGreaterThan(10);
    expect(saved.every((name) => name.endsWith('.svg'))).toBe(true);
    const again = await seedDemoData({ db: database.db, now, saveImage: async () => 'unused' });
    expect(again.seeded).toBe(false);
    expect(await database.db.$count(users)).toBe(6);
  });

  // Last: it moves the shared database on.
  it('settles the seeded example as design.md says once the tick reaches its end', async () => {
    const { tick } = await import('../support/lifecycle');
    const [example] = await database.db.select().from(auctions).where(eq(auctions.title, EXAMPLE_AUCTION_TITLE));
    await tick(database.db, example!.endsAt);
    const [settled] = await database.db.select().from(auctions).where(eq(auctions.id, example!.id));
    expect(settled).toMatchObject({ status: 'ended', totalPrice: 1_050_000 });
    const exampleDeposits = await database.db.select().from(deposits).where(eq(deposits.auctionId, example!.id));
    expect(exampleDeposits.filter((d) => d.status === 'frozen').map((d) => d.kind)).toEqual(['session']);
    expect(exampleDeposits.filter((d) => d.status === 'refunded')).toHaveLength(exampleDeposits.length - 1);
  });
});
