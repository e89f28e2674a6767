import { eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '@/db/client';
import { outbox, refunds, users } from '@/db/schema';
import { getAuctionDetailForAdmin } from '@/lib/admin/auction-detail';
import { listAuditEntries } from '@/lib/admin/audit-entries';
import { listFailedRefunds } from '@/lib/admin/failed-refunds';
import { listOrdersForAdmin } from '@/lib/admin/list-orders';
import type { OrderFilters } from '@/lib/admin/order-schemas';
import { placeBid } from '@/lib/bidding/place-bid';
import { manualRefund } from '@/lib/deposits/manual-refund';
import { DEFAULT_RULES } from '@/lib/engine/rules';
import { pageRequest } from '@/lib/pagination';
import { seedBuyer } from '../support/factories';
import { HOUR, MINUTE, at, payDeposit, publishedAuction, tick, wonOrder, yuan } from '../support/lifecycle';
import { databaseForEachTest } from '../support/test-database';

const T0 = new Date('2026-11-24T02:00:00Z');
const rules = DEFAULT_RULES;

describe('admin money readers', () => {
  const current = databaseForEachTest('pglite');
  let db: Database;

  beforeEach(() => {
    db = current().db;
  });

  const listed = async (filters: OrderFilters, now: Date) =>
    (await listOrdersForAdmin({ db, filters, page: pageRequest(1, 20), now, rules })).items;

  it('filters orders by the status the machine gives at now, not the stored one', async () => {
    const { order } = await wonOrder(db, { now: T0 });
    const before = at(order.dueAt, -3 * HOUR);
    expect((await listed({ status: 'pending_payment' }, before)).map((row) => row.id)).toEqual([order.id]);
    expect(await listed({ dueSoon: '1' }, before)).toEqual([]);
    expect((await listed({ dueSoon: '1' }, at(order.dueAt, -HOUR))).map((row) => row.id)).toEqual([order.id]);
    // Past dueAt with no tick yet: stored pending_payment, read overdue everywhere.
    const late = at(order.dueAt, MINUTE);
    expect(await listed({ status: 'pending_payment' }, late)).toEqual([]);
    expect(await listed({ dueSoon: '1' }, late)).toEqual([]);
    const [overdue] = await listed({ status: 'overdue' }, late);
    expect(overdue).toMatchObject({ id: order.id, status: 'overdue' });
  });

  it('searches buyers by name, phone or order number, with LIKE wildcards taken literally', async () => {
    const { order, buyer, auction } = await wonOrder(db, { now: T0 });
    await db.update(users).set({ name: '白浩伟 100%' }).where(eq(users.id, buyer.id));
    const now = at(auction.endsAt, HOUR);
    expect((await listed({ buyer: '100%' }, now)).map((row) => row.id)).toEqual([order.id]);
    expect(await listed({ buyer: '%x' }, now)).toEqual([]);
    expect(await listed({ buyer: '_' }, now)).toEqual([]);
    expect((await listed({ buyer: order.orderNo.slice(-6) }, now)).map((row) => row.id)).toEqual([order.id]);
    expect((await listed({ auctionId: auction.auctionId }, now)).length).toBe(1);
    expect(await listed({ auctionId: auction.auctionId + 1 }, now)).toEqual([]);
  });

  it('sums the settlement as the machines see it at now, before any tick', async () => {
    const buyer = await seedBuyer(db);
    const loser = await seedBuyer(db);
    const auction = await publishedAuction(db, T0, { lots: [{}, {}] });
    await tick(db, auction.startsAt);
    await payDeposit(db, { userId: buyer.id, auctionId: auction.auctionId, now: auction.startsAt });
    await payDeposit(db, {
      userId: loser.id,
      auctionId: auction.auctionId,
      lotId: auction.lotIds[0]!,
      now: auction.startsAt,
    });
    await placeBid({
      db,
      userId: loser.id,
      lotId: auction.lotIds[0]!,
      amount: yuan(100),
      now: at(auction.startsAt, MINUTE),
    });
    await placeBid({
      db,
      userId: buyer.id,
      lotId: auction.lotIds[0]!,
      amount: yuan(250),
      now: at(auction.startsAt, 2 * MINUTE),
    });
    const read = (now: Date) => getAuctionDetailForAdmin({ db, auctionId: auction.auctionId, now, rules });
    const untickedEnd = await read(at(auction.endsAt, MINUTE));
    expect(untickedEnd).toMatchObject({
      status: 'ended',
      summary: { turnover: yuan(250), sold: 1, unsold: 1, open: 0 },
    });
    expect(untickedEnd!.summary.held).toEqual({ count: 2, amount: yuan(1_200) });
    await tick(db, at(auction.endsAt, MINUTE));
    const settled = await read(at(auction.endsAt, 2 * MINUTE));
    expect(settled!.summary).toMatchObject({
      turnover: yuan(250),
      held: { count: 1, amount: yuan(1_000) },
      refunded: { count: 1, amount: yuan(200) },
      forfeited: { count: 0, amount: 0 },
    });
    expect(await getAuctionDetailForAdmin({ db, auctionId: 999_999, now: T0, rules })).toBeNull();
  });

  it("lists an auction's failed refunds and its audit entries, and no other auction's", async () => {
    const admin = await seedBuyer(db, { role: 'admin' });
    const buyer = await seedBuyer(db);
    const mine = await publishedAuction(db, T0);
    const other = await publishedAuction(db, T0);
    await tick(db, mine.startsAt);
    const depositId = await payDeposit(db, { userId: buyer.id, auctionId: mine.auctionId, now: mine.startsAt });
    await manualRefund({ db, depositId, reason: '测试', now: at(mine.startsAt, MINUTE), adminId: admin.id });
    const [refund] = await db.select().from(refunds).where(eq(refunds.depositId, depositId));
    await db.update(refunds).set({ status: 'failed', lastError: 'down' }).where(eq(refunds.id, refund!.id));
    await db.update(outbox).set({ status: 'failed' }).where(eq(outbox.refundId, refund!.id));
    expect(await listFailedRefunds({ db, auctionId: mine.auctionId })).toMatchObject({
      total: 1,
      items: [{ id: refund!.id, amount: yuan(1_000), reason: 'manual', lastError: 'down' }],
    });
    expect(await listFailedRefunds({ db, auctionId: other.auctionId })).toEqual({ items: [], total: 0 });
    const audit = await listAuditEntries({ db, scope: { auctionId: mine.auctionId }, page: pageRequest(1, 10) });
    expect(audit.items).toEqual([
      expect.objectContaining({
        action: 'deposit.manualRefund',
        entityId: depositId,
        details: { reason: '测试', amount: yuan(1_000) },
      }),
    ]);
    expect(
      (await listAuditEntries({ db, scope: { auctionId: other.auctionId }, page: pageRequest(1, 10) })).items,
    ).toEqual([]);
  });
});
