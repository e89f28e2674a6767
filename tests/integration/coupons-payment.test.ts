import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import type { Database } from '@/db/client';
import { coupons, orders, userCoupons, type NewCoupon } from '@/db/schema';
import { placeBid } from '@/lib/bidding/place-bid';
import { startOrderPayment } from '@/lib/payments/order-payment';
import { seedBuyer } from '../support/factories';
import {
  at,
  confirmCharge,
  DAY,
  HOUR,
  MINUTE,
  payDeposit,
  payOrder,
  publishedAuction,
  sandbox,
  testAddress,
  tick,
  yuan,
} from '../support/lifecycle';
import { databaseForEachTest, concurrentTestDrivers, testDrivers } from '../support/test-database';

const T0 = new Date('2026-11-03T02:00:00Z');

/** A buyer who won both lots of a live-then-ended auction at ¥100 each: two orders to pay. */
async function wonOrders(db: Database) {
  const buyer = await seedBuyer(db);
  const auction = await publishedAuction(db, T0, { lots: [{}, {}] });
  await tick(db, auction.startsAt);
  await payDeposit(db, { userId: buyer.id, auctionId: auction.auctionId, now: auction.startsAt });
  for (const lotId of auction.lotIds)
    await placeBid({ db, userId: buyer.id, lotId, amount: yuan(100), now: at(auction.startsAt, MINUTE) });
  await tick(db, auction.endsAt);
  const [first, second] = await db.select().from(orders).orderBy(orders.lotId);
  return { buyer, auction, first: first!, second: second!, payAt: at(auction.endsAt, HOUR) };
}

/** A coupon (满 ¥100 减 ¥20 by default, valid around the payment) already in a buyer's wallet. */
async function walletCoupon(
  db: Database,
  userId: number,
  coupon: Partial<NewCoupon> = {},
  status: 'available' | 'used' = 'available',
) {
  const [row] = await db
    .insert(coupons)
    .values({
      title: '满100减20',
      threshold: yuan(100),
      discount: yuan(20),
      validFrom: T0,
      validUntil: at(T0, 30 * DAY),
      totalQuantity: 100,
      issuedCount: 1,
      ...coupon,
    })
    .returning();
  const [held] = await db
    .insert(userCoupons)
    .values({ couponId: row!.id, userId, source: 'grant', status })
    .returning();
  return held!;
}

const start = (
  db: Database,
  { userId, orderId, userCouponId, now }: { userId: number; orderId: number; userCouponId: number; now: Date },
) => startOrderPayment({ db, provider: sandbox(db), userId, orderId, userCouponId, now, address: testAddress });

const notApplicable = (reason: string) => ({ code: 'COUPON_NOT_APPLICABLE', details: { params: { reason } } });

describe.each(testDrivers())('coupons at payment on %s', (driver) => {
  const current = databaseForEachTest(driver);

  it('names the reason a coupon cannot be used, and locks nothing when it refuses', async () => {
    const db = current().db;
    const { buyer, first, payAt } = await wonOrders(db);
    const other = await seedBuyer(db);
    const elsewhere = await publishedAuction(db, T0);
    const cases: [string, number][] = [
      ['notFound', 987_654],
      // Another buyer's coupon reads exactly like one that does not exist.
      ['notFound', (await walletCoupon(db, other.id)).id],
      ['notAvailable', (await walletCoupon(db, buyer.id, {}, 'used')).id],
      ['disabled', (await walletCoupon(db, buyer.id, { status: 'disabled' })).id],
      [
        'notStarted',
        (await walletCoupon(db, buyer.id, { validFrom: at(payAt, MINUTE), validUntil: at(payAt, DAY) })).id,
      ],
      ['expired', (await walletCoupon(db, buyer.id, { validUntil: payAt })).id],
      ['belowThreshold', (await walletCoupon(db, buyer.id, { threshold: yuan(100) + 1 })).id],
      ['wrongAuction', (await walletCoupon(db, buyer.id, { auctionId: elsewhere.auctionId })).id],
    ];
    for (const [reason, userCouponId] of cases) {
      await expect(
        start(db, { userId: buyer.id, orderId: first.id, userCouponId, now: payAt }),
        reason,
      ).rejects.toMatchObject(notApplicable(reason));
    }
    expect(await db.$count(userCoupons, eq(userCoupons.status, 'locked'))).toBe(0);
    const [order] = await db.select().from(orders).where(eq(orders.id, first.id));
    expect(order).toMatchObject({ couponDiscount: 0, shippingAddress: null });
  });

  it('a coupon locked by one order’s open payment cannot be used on another', async () => {
    const db = current().db;
    const { buyer, first, second, payAt } = await wonOrders(db);
    const coupon = await walletCoupon(db, buyer.id);
    const started = await start(db, { userId: buyer.id, orderId: first.id, userCouponId: coupon.id, now: payAt });
    expect(started.paid).toBe(false);
    await expect(
      start(db, { userId: buyer.id, orderId: second.id, userCouponId: coupon.id, now: payAt }),
    ).rejects.toMatchObject(notApplicable('notAvailable'));
    // The same order may start again with it: its own open attempt gives the coupon back first.
    await expect(
      start(db, { userId: buyer.id, orderId: first.id, userCouponId: coupon.id, now: payAt }),
    ).resolves.toMatchObject({ paid: false });
  });

  it('a coupon is used when the charge succeeds, with the discount taken off the amount due', async () => {
    const db = current().db;
    const { buyer, first, payAt } = await wonOrders(db);
    const coupon = await walletCoupon(db, buyer.id);
    expect(await payOrder(db, { userId: buyer.id, orderId: first.id, userCouponId: coupon.id, now: payAt })).toBe(
      'applied',
    );
    const [order] = await db.select().from(orders).where(eq(orders.id, first.id));
    expect(order).toMatchObject({ status: 'paid', couponDiscount: yuan(20), amountDue: yuan(80) });
    const [held] = await db.select().from(userCoupons).where(eq(userCoupons.id, coupon.id));
    expect(held).toMatchObject({ status: 'used', orderId: first.id, usedAt: payAt });
  });

  it('a coupon locked by a payment that fails returns to the wallet', async () => {
    const db = current().db;
    const { buyer, first, second, payAt } = await wonOrders(db);
    const coupon = await walletCoupon(db, buyer.id);
    const started = await start(db, { userId: buyer.id, orderId: first.id, userCouponId: coupon.id, now: payAt });
    if (started.paid) throw new Error('expected a charge');
    expect(await confirmCharge(db, started.paymentId, payAt, false)).toBe('failed');
    const [held] = await db.select().from(userCoupons).where(eq(userCoupons.id, coupon.id));
    expect(held).toMatchObject({ status: 'available', orderId: null });
    const [order] = await db.select().from(orders).where(eq(orders.id, first.id));
    expect(order).toMatchObject({ status: 'pending_payment', couponDiscount: 0 });
    // Back in the wallet means usable again, on any order.
    expect(await payOrder(db, { userId: buyer.id, orderId: second.id, userCouponId: coupon.id, now: payAt })).toBe(
      'applied',
    );
  });
});

const raceDrivers = concurrentTestDrivers();

describe.runIf(raceDrivers.length > 0)('coupon payment races (needs DATABASE_URL)', () => {
  describe.each(raceDrivers)('on %s', (driver) => {
    const current = databaseForEachTest(driver);

    it('two orders paid at once with one coupon: exactly one locks it', async () => {
      const db = current().db;
      for (let round = 0; round < 5; round++) {
        await current().reset();
        const { buyer, first, second, payAt } = await wonOrders(db);
        const coupon = await walletCoupon(db, buyer.id);
        const results = await Promise.allSettled(
          [first, second].map((order) =>
            start(db, { userId: buyer.id, orderId: order.id, userCouponId: coupon.id, now: payAt }),
          ),
        );
        expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
        const refused = results.find((r) => r.status === 'rejected');
        expect(refused?.reason).toMatchObject(notApplicable('notAvailable'));
        const discounted = await db
          .select()
          .from(orders)
          .where(eq(orders.couponDiscount, yuan(20)));
        const [held] = await db.select().from(userCoupons).where(eq(userCoupons.id, coupon.id));
        expect(discounted).toHaveLength(1);
        expect(held).toMatchObject({ status: 'locked', orderId: discounted[0]!.id });
      }
    });
  });
});
