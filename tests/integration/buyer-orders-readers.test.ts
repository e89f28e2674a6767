import { eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import { coupons, orders, userCoupons } from '@/db/schema';
import { placeBid } from '@/lib/bidding/place-bid';
import { listMyBids } from '@/lib/bidding/list-my-bids';
import { listMyCoupons } from '@/lib/coupons/list-my-coupons';
import { listMyDeposits } from '@/lib/deposits/list-my-deposits';
import { DEFAULT_RULES } from '@/lib/engine/rules';
import { couponChoicesFor } from '@/lib/orders/coupon-choices';
import { getMyOrder } from '@/lib/orders/get-my-order';
import { listMyOrders } from '@/lib/orders/list-my-orders';
import { pageRequest } from '@/lib/pagination';
import { seedBuyer } from '../support/factories';
import { DAY, HOUR, MINUTE, at, payDeposit, publishedAuction, tick, yuan } from '../support/lifecycle';
import { databaseForEachTest } from '../support/test-database';

const T0 = new Date('2026-11-20T02:00:00Z');
const page = pageRequest(1, 10);

describe("buyer account readers: each buyer's own records, at now", () => {
  const current = databaseForEachTest('pglite');
  let setup: Awaited<ReturnType<typeof endedAuction>>;

  /** Two lots: the winner outbids the loser on the first; the loser alone bids on the second under its reserve. */
  async function endedAuction() {
    const { db } = current();
    const winner = await seedBuyer(db);
    const loser = await seedBuyer(db);
    const auction = await publishedAuction(db, T0, { lots: [{}, { reservePrice: yuan(1_000) }] });
    await tick(db, auction.startsAt);
    for (const buyer of [winner, loser])
      await payDeposit(db, { userId: buyer.id, auctionId: auction.auctionId, now: auction.startsAt });
    const [first, second] = auction.lotIds as [number, number];
    const bidAt = at(auction.startsAt, MINUTE);
    await placeBid({ db, userId: loser.id, lotId: first, amount: yuan(100), now: bidAt });
    await placeBid({ db, userId: winner.id, lotId: first, amount: yuan(200), now: bidAt });
    await placeBid({ db, userId: loser.id, lotId: second, amount: yuan(100), now: bidAt });
    return { db, winner, loser, auction, first, second, bidAt };
  }

  beforeEach(async () => {
    setup = await endedAuction();
  });

  it('shows bids per lot as leading or outbid while open, then won or lost at the end without a tick', async () => {
    const { db, winner, loser, auction, first, second, bidAt } = setup;
    const states = async (userId: number, now: Date) =>
      (await listMyBids({ db, userId, now, page })).items.map((entry) => [entry.lot.id, entry.state, entry.myHighest]);
    expect(await states(winner.id, bidAt)).toEqual([[first, 'leading', yuan(200)]]);
    expect(await states(loser.id, bidAt)).toEqual(
      expect.arrayContaining([
        [first, 'outbid', yuan(100)],
        [second, 'leading', yuan(100)],
      ]),
    );
    // Past the lots' ends the machine closes them even though no tick has run.
    const after = at(auction.endsAt, HOUR);
    expect(await states(winner.id, after)).toEqual([[first, 'won', yuan(200)]]);
    expect(new Map((await states(loser.id, after)).map(([id, state]) => [id, state]))).toEqual(
      new Map([
        [first, 'lost'],
        [second, 'lost'],
      ]),
    );
  });

  it("lists the winner's order with its status at now, and never shows it to another buyer", async () => {
    const { db, winner, loser, auction } = setup;
    await tick(db, auction.endsAt);
    const [order] = await db.select().from(orders);
    const mine = await listMyOrders({ db, userId: winner.id, now: auction.endsAt, page });
    expect(mine.items.map((item) => [item.id, item.status, item.amountDue])).toEqual([
      [order!.id, 'pending_payment', order!.amountDue],
    ]);
    // Past the due time and the grace, untouched by a tick: read as overdue.
    const late = at(order!.dueAt, DEFAULT_RULES.paymentGraceMs + MINUTE);
    expect((await listMyOrders({ db, userId: winner.id, now: late, page })).items[0]!.status).toBe('overdue');
    expect(await getMyOrder({ db, userId: winner.id, orderId: order!.id, now: late })).toMatchObject({
      status: 'overdue',
      lot: { id: order!.lotId },
    });
    expect((await listMyOrders({ db, userId: loser.id, now: auction.endsAt, page })).items).toEqual([]);
    expect(await getMyOrder({ db, userId: loser.id, orderId: order!.id, now: auction.endsAt })).toBeNull();
  });

  it('shows a shipped order with its carrier and tracking number, and a cancelled one with its reason', async () => {
    const { db, winner, auction } = setup;
    await tick(db, auction.endsAt);
    const [order] = await db.select().from(orders);
    const shippedAt = at(auction.endsAt, HOUR);
    await db
      .update(orders)
      .set({ status: 'shipped', paidAt: shippedAt, shippedAt, carrier: '顺丰速运', trackingNo: 'SF1234567890' })
      .where(eq(orders.id, order!.id));
    expect(await getMyOrder({ db, userId: winner.id, orderId: order!.id, now: shippedAt })).toMatchObject({
      status: 'shipped',
      carrier: '顺丰速运',
      trackingNo: 'SF1234567890',
    });
    await db
      .update(orders)
      .set({ status: 'cancelled', cancelledAt: shippedAt, cancelReason: '拍品损坏，全额退款' })
      .where(eq(orders.id, order!.id));
    expect(await getMyOrder({ db, userId: winner.id, orderId: order!.id, now: shippedAt })).toMatchObject({
      status: 'cancelled',
      cancelReason: '拍品损坏，全额退款',
    });
  });

  it("shows the loser's deposit refunded with its history, and each buyer only their own deposits", async () => {
    const { db, winner, loser, auction } = setup;
    await tick(db, auction.endsAt);
    const [deposit] = (await listMyDeposits({ db, userId: loser.id, page })).items;
    expect(deposit).toMatchObject({
      status: 'refunded',
      amount: yuan(1_000),
      balance: 0,
      refundedAmount: yuan(1_000),
      forfeitedAmount: 0,
      lotTitle: null,
    });
    expect(deposit!.history.map((entry) => entry.kind)).toEqual(
      expect.arrayContaining(['payment', 'refund', 'status']),
    );
    expect(deposit!.history.find((entry) => entry.kind === 'refund')).toMatchObject({ amount: yuan(1_000) });
    const [winners] = (await listMyDeposits({ db, userId: winner.id, page })).items;
    expect(winners!.id).not.toBe(deposit!.id);
    expect(winners!.status).toBe('frozen');
    const stranger = await seedBuyer(db);
    expect((await listMyDeposits({ db, userId: stranger.id, page })).items).toEqual([]);
  });

  it('offers the wallet for an order with the reason each coupon does not apply', async () => {
    const { db, winner, auction } = setup;
    await tick(db, auction.endsAt);
    const [order] = await db.select().from(orders);
    const coupon = (title: string, values: Partial<typeof coupons.$inferInsert> = {}) =>
      db
        .insert(coupons)
        .values({
          title,
          discount: yuan(20),
          validFrom: T0,
          validUntil: at(T0, 10 * DAY),
          totalQuantity: 10,
          issuedCount: 1,
          ...values,
        })
        .returning()
        .then(([row]) => db.insert(userCoupons).values({ userId: winner.id, couponId: row!.id, source: 'grant' }));
    await coupon('fits');
    await coupon('too big a threshold', { threshold: yuan(5_000) });
    await coupon('another auction', { auctionId: (await publishedAuction(db, T0)).auctionId });
    await coupon('expired', { validUntil: at(T0, HOUR) });
    const wallet = await listMyCoupons({ db, now: auction.endsAt, userId: winner.id });
    const reasons = Object.fromEntries(couponChoicesFor(order!, wallet).map((choice) => [choice.title, choice.reason]));
    expect(reasons).toEqual({
      fits: null,
      'too big a threshold': 'belowThreshold',
      'another auction': 'wrongAuction',
      expired: 'expired',
    });
    const others = await listMyCoupons({ db, now: auction.endsAt, userId: setup.loser.id });
    expect(others).toEqual([]);
    expect(await db.select().from(userCoupons).where(eq(userCoupons.userId, setup.loser.id))).toEqual([]);
  });
});
