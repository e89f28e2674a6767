import { and, eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import type { Database } from '@/db/client';
import {
  coupons,
  deposits,
  lots,
  notifications,
  orders,
  outbox,
  payments,
  refunds,
  sandboxTransactions,
  userCoupons,
} from '@/db/schema';
import { DEFAULT_RULES } from '@/lib/engine/rules';
import { intArray } from '@/lib/sql/values';
import { startDepositPayment } from '@/lib/payments/deposit-payment';
import { startOrderPayment } from '@/lib/payments/order-payment';
import { answerSandboxCharge } from '@/lib/payments/sandbox';
import { receiveWebhook } from '@/lib/payments/webhook';
import { seedBuyer } from '../support/factories';
import {
  at,
  confirmCharge,
  DAY,
  HOUR,
  MINUTE,
  publishedAuction,
  sandbox,
  testAddress,
  tick,
  wonOrder,
  yuan,
} from '../support/lifecycle';
import { databaseForEachTest, concurrentTestDrivers, testDrivers } from '../support/test-database';

const T0 = new Date('2026-11-06T02:00:00Z');
const GRACE = DEFAULT_RULES.paymentGraceMs;
const SECRET = 'test-sandbox-secret-0123456789';

async function startCharge(
  db: Database,
  {
    userId,
    orderId,
    now,
    userCouponId = null,
  }: { userId: number; orderId: number; now: Date; userCouponId?: number | null },
) {
  const started = await startOrderPayment({
    db,
    provider: sandbox(db),
    userId,
    orderId,
    address: testAddress,
    userCouponId,
    now,
  });
  if (started.paid) throw new Error('expected a charge');
  return started.paymentId;
}

const orderRow = async (db: Database) => (await db.select().from(orders))[0]!;

describe.each(testDrivers())('payment outcomes by the provider’s time on %s', (driver) => {
  const current = databaseForEachTest(driver);

  it('reads confirming payment at dueAt while a charge is open, and pays a success taken by dueAt that arrives in the grace period', async () => {
    const db = current().db;
    const { buyer, order, dueAt } = await wonOrder(db, { now: T0 });
    const paymentId = await startCharge(db, { userId: buyer.id, orderId: order.id, now: at(dueAt, -10 * MINUTE) });
    await tick(db, dueAt);
    expect(await orderRow(db)).toMatchObject({ status: 'confirming_payment', nextTransitionAt: at(dueAt, GRACE) });
    expect(await confirmCharge(db, paymentId, at(dueAt, GRACE - 1), true, dueAt)).toBe('applied');
    expect(await orderRow(db)).toMatchObject({ status: 'paid', paidAt: dueAt, nextTransitionAt: null });
    const [payment] = await db.select().from(payments).where(eq(payments.id, paymentId));
    expect(payment).toMatchObject({ status: 'succeeded', succeededAt: dueAt, expiresAt: dueAt });
    await tick(db, at(dueAt, HOUR));
    expect(await orderRow(db)).toMatchObject({ status: 'paid' });
    const [deposit] = await db.select().from(deposits);
    expect(deposit).toMatchObject({ status: 'refunded', forfeitedAmount: 0 });
  });

  it.each(['tick first', 'notice first'] as const)(
    'refunds whole a success taken by dueAt but heard of after the grace period (%s)',
    async (first) => {
      const db = current().db;
      const { buyer, order, dueAt } = await wonOrder(db, { now: T0 });
      const paymentId = await startCharge(db, { userId: buyer.id, orderId: order.id, now: at(dueAt, -10 * MINUTE) });
      const heard = at(dueAt, GRACE);
      if (first === 'tick first') await tick(db, heard);
      expect(await confirmCharge(db, paymentId, heard, true, at(dueAt, -MINUTE))).toBe('refunded');
      await tick(db, at(heard, MINUTE));
      // Once the notice is in, no charge was left open: a tick that comes after it dates the overdue by dueAt.
      expect(await orderRow(db)).toMatchObject({
        status: 'overdue',
        overdueAt: first === 'tick first' ? at(dueAt, GRACE) : dueAt,
      });
      const [refund] = await db.select().from(refunds).where(eq(refunds.paymentId, paymentId));
      expect(refund).toMatchObject({ amount: yuan(100), reason: 'payment_not_applicable', status: 'succeeded' });
      const [deposit] = await db.select().from(deposits);
      expect(deposit).toMatchObject({ forfeitedAmount: yuan(200), refundedAmount: yuan(800) });
    },
  );

  it('refunds whole a success the provider took after dueAt, even during the grace period', async () => {
    const db = current().db;
    const { buyer, order, dueAt } = await wonOrder(db, { now: T0 });
    const paymentId = await startCharge(db, { userId: buyer.id, orderId: order.id, now: at(dueAt, -10 * MINUTE) });
    expect(await confirmCharge(db, paymentId, at(dueAt, 2 * MINUTE), true, at(dueAt, 1))).toBe('refunded');
    await tick(db, at(dueAt, GRACE));
    expect(await orderRow(db)).toMatchObject({ status: 'overdue', overdueAt: dueAt });
    expect(await db.$count(refunds, eq(refunds.paymentId, paymentId))).toBe(1);
  });

  it('goes overdue at dueAt itself without an open charge, and refuses a new payment from then on', async () => {
    const db = current().db;
    const { buyer, order, dueAt } = await wonOrder(db, { now: T0 });
    await expect(
      startOrderPayment({
        db,
        provider: sandbox(db),
        userId: buyer.id,
        orderId: order.id,
        address: testAddress,
        userCouponId: null,
        now: dueAt,
      }),
    ).rejects.toMatchObject({
      code: 'PAYMENT_WINDOW_CLOSED',
      status: 409,
    });
    await tick(db, dueAt);
    expect(await orderRow(db)).toMatchObject({ status: 'overdue', overdueAt: dueAt });
  });

  it('overdue closes the open charge at the provider and gives the locked coupon back', async () => {
    const db = current().db;
    const { buyer, order, dueAt } = await wonOrder(db, { now: T0 });
    const [coupon] = await db
      .insert(coupons)
      .values({
        title: '满 50 减 10',
        threshold: yuan(50),
        discount: yuan(10),
        validFrom: T0,
        validUntil: at(T0, 30 * DAY),
        totalQuantity: 10,
      })
      .returning();
    const [wallet] = await db
      .insert(userCoupons)
      .values({ couponId: coupon!.id, userId: buyer.id, source: 'grant' })
      .returning();
    const paymentId = await startCharge(db, {
      userId: buyer.id,
      orderId: order.id,
      now: at(dueAt, -HOUR),
      userCouponId: wallet!.id,
    });
    expect((await db.select().from(userCoupons))[0]).toMatchObject({ status: 'locked', orderId: order.id });
    await tick(db, at(dueAt, GRACE));
    expect(await orderRow(db)).toMatchObject({ status: 'overdue', overdueAt: at(dueAt, GRACE) });
    const [payment] = await db.select().from(payments).where(eq(payments.id, paymentId));
    expect(payment!.status).toBe('cancelled');
    expect((await db.select().from(userCoupons))[0]).toMatchObject({ status: 'available', orderId: null });
    const [charge] = await db
      .select()
      .from(sandboxTransactions)
      .where(eq(sandboxTransactions.reference, payment!.providerRef!));
    expect(charge!.cancelledAt).not.toBeNull();
    // The provider's notice of a success it took anyway is refunded whole, once.
    expect(await confirmCharge(db, paymentId, at(dueAt, GRACE + MINUTE), true, at(dueAt, -MINUTE))).toBe('refunded');
    expect(await confirmCharge(db, paymentId, at(dueAt, GRACE + 2 * MINUTE), true, at(dueAt, -MINUTE))).toBe(
      'already_settled',
    );
    expect(await db.$count(refunds, eq(refunds.paymentId, paymentId))).toBe(1);
    expect((await db.select().from(payments).where(eq(payments.id, paymentId)))[0]!.status).toBe('cancelled');
  });

  it('a new payment attempt closes the charge it replaces; a success on that one is refunded whole', async () => {
    const db = current().db;
    const { buyer, order, dueAt } = await wonOrder(db, { now: T0 });
    const first = await startCharge(db, { userId: buyer.id, orderId: order.id, now: at(dueAt, -2 * HOUR) });
    const second = await startCharge(db, { userId: buyer.id, orderId: order.id, now: at(dueAt, -HOUR) });
    const [old] = await db.select().from(payments).where(eq(payments.id, first));
    await expect(
      answerSandboxCharge({ db, secret: SECRET, reference: old!.providerRef!, succeeded: true, now: at(dueAt, -HOUR) }),
    ).rejects.toMatchObject({ code: 'PAYMENT_WINDOW_CLOSED' });
    expect(await confirmCharge(db, first, at(dueAt, -HOUR), true, at(dueAt, -HOUR))).toBe('refunded');
    expect(await confirmCharge(db, second, at(dueAt, -HOUR), true, at(dueAt, -HOUR))).toBe('applied');
    expect(await orderRow(db)).toMatchObject({ status: 'paid' });
  });
});

describe.each(testDrivers())('the sandbox enforces charge expiry on %s', (driver) => {
  const current = databaseForEachTest(driver);
  const settle = async (db: Database, reference: string, now: Date, succeeded = true) => {
    const notice = await answerSandboxCharge({ db, secret: SECRET, reference, succeeded, now });
    return receiveWebhook({ db, provider: sandbox(db), ...notice, now, rules: DEFAULT_RULES });
  };

  it('confirms up to the expiry with its own clock as paid-at, and refuses after it', async () => {
    const db = current().db;
    const { buyer, order, dueAt } = await wonOrder(db, { now: T0 });
    const paymentId = await startCharge(db, { userId: buyer.id, orderId: order.id, now: at(dueAt, -HOUR) });
    const [payment] = await db.select().from(payments).where(eq(payments.id, paymentId));
    const [charge] = await db
      .select()
      .from(sandboxTransactions)
      .where(eq(sandboxTransactions.reference, payment!.providerRef!));
    expect(charge!.expiresAt).toEqual(dueAt);
    await expect(settle(db, payment!.providerRef!, at(dueAt, 1))).rejects.toMatchObject({
      code: 'PAYMENT_WINDOW_CLOSED',
    });
    expect(await settle(db, payment!.providerRef!, dueAt)).toBe('applied');
    expect(await orderRow(db)).toMatchObject({ status: 'paid', paidAt: dueAt });
    // The provider repeats its notice; it is applied once.
    expect(await settle(db, payment!.providerRef!, at(dueAt, MINUTE))).toBe('already_settled');
  });

  it('refuses to confirm a cancelled charge, and reports the buyer’s own cancellation as a failure', async () => {
    const db = current().db;
    const { buyer, order, dueAt } = await wonOrder(db, { now: T0 });
    const now = at(dueAt, -HOUR);
    const paymentId = await startCharge(db, { userId: buyer.id, orderId: order.id, now });
    const [payment] = await db.select().from(payments).where(eq(payments.id, paymentId));
    await sandbox(db).cancelCharge(payment!.providerRef!);
    await expect(settle(db, payment!.providerRef!, now)).rejects.toMatchObject({ code: 'PAYMENT_WINDOW_CLOSED' });
    const other = await startCharge(db, { userId: buyer.id, orderId: order.id, now });
    const [second] = await db.select().from(payments).where(eq(payments.id, other));
    expect(await settle(db, second!.providerRef!, now, false)).toBe('failed');
    await expect(settle(db, second!.providerRef!, now)).rejects.toMatchObject({ code: 'PAYMENT_WINDOW_CLOSED' });
    expect(await orderRow(db)).toMatchObject({ status: 'pending_payment' });
  });
});

describe.each(testDrivers())('deposit charges judged at paid-at on %s', (driver) => {
  const current = databaseForEachTest(driver);

  it('expire at the lot’s or auction’s end, and are refunded whole when paid after the effective close, whatever the stored row says', async () => {
    const db = current().db;
    const buyer = await seedBuyer(db);
    const auction = await publishedAuction(db, T0, { lots: [{}, {}] });
    await tick(db, auction.startsAt);
    const lotId = auction.lotIds[0]!;
    const lotCharge = await startDepositPayment({
      db,
      provider: sandbox(db),
      userId: buyer.id,
      auctionId: auction.auctionId,
      lotId,
      now: auction.startsAt,
    });
    const sessionCharge = await startDepositPayment({
      db,
      provider: sandbox(db),
      userId: buyer.id,
      auctionId: auction.auctionId,
      lotId: null,
      now: auction.startsAt,
    });
    const expiries = await db.select({ id: payments.id, expiresAt: payments.expiresAt }).from(payments);
    expect(expiries.map((p) => p.expiresAt)).toEqual([auction.endsAt, auction.endsAt]);
    // No tick has run since: the rows still say live, the machines at paid-at say closed.
    const after = at(auction.endsAt, MINUTE);
    expect(await confirmCharge(db, lotCharge.paymentId, after, true, at(auction.endsAt, 1))).toBe('refunded');
    expect(await confirmCharge(db, sessionCharge.paymentId, after, true, at(auction.endsAt, 1))).toBe('refunded');
    expect((await db.select().from(deposits)).map((d) => d.status)).toEqual(['pending', 'pending']);
    await tick(db, at(after, MINUTE));
    expect(
      await db.$count(refunds, and(eq(refunds.reason, 'payment_not_applicable'), eq(refunds.status, 'succeeded'))),
    ).toBe(2);
  });

  it('funds a deposit paid before the close but heard of after it, and the next tick settles it', async () => {
    const db = current().db;
    const buyer = await seedBuyer(db);
    const auction = await publishedAuction(db, T0);
    await tick(db, auction.startsAt);
    const started = await startDepositPayment({
      db,
      provider: sandbox(db),
      userId: buyer.id,
      auctionId: auction.auctionId,
      lotId: auction.lotIds[0]!,
      now: auction.startsAt,
    });
    expect(await confirmCharge(db, started.paymentId, at(auction.endsAt, MINUTE), true, at(auction.endsAt, -1))).toBe(
      'applied',
    );
    await tick(db, at(auction.endsAt, 2 * MINUTE));
    const [deposit] = await db.select().from(deposits);
    expect(deposit).toMatchObject({ status: 'refunded', refundedAmount: deposit!.amount });
  });

  it('replaces a charge that expired while anti-sniping kept the lot open, and closes the old one', async () => {
    const db = current().db;
    const buyer = await seedBuyer(db);
    const auction = await publishedAuction(db, T0);
    await tick(db, auction.startsAt);
    const lotId = auction.lotIds[0]!;
    const start = (now: Date) =>
      startDepositPayment({ db, provider: sandbox(db), userId: buyer.id, auctionId: auction.auctionId, lotId, now });
    const first = await start(at(auction.endsAt, -MINUTE));
    expect((await start(at(auction.endsAt, -1))).paymentId).toBe(first.paymentId);
    await db
      .update(lots)
      .set({ endsAt: at(auction.endsAt, 5 * MINUTE) })
      .where(eq(lots.id, lotId));
    const second = await start(at(auction.endsAt, 1));
    expect(second.paymentId).not.toBe(first.paymentId);
    const rows = await db.select().from(payments).where(eq(payments.depositId, second.depositId)).orderBy(payments.id);
    expect(rows.map((p) => [p.status, p.expiresAt])).toEqual([
      ['cancelled', auction.endsAt],
      ['pending', at(auction.endsAt, 5 * MINUTE)],
    ]);
    const [old] = await db
      .select()
      .from(sandboxTransactions)
      .where(eq(sandboxTransactions.reference, rows[0]!.providerRef!));
    expect(old!.cancelledAt).not.toBeNull();
    expect(await confirmCharge(db, second.paymentId, at(auction.endsAt, 2 * MINUTE))).toBe('applied');
  });

  it('refuses to start a deposit for a closed lot or an ended auction', async () => {
    const db = current().db;
    const buyer = await seedBuyer(db);
    const auction = await publishedAuction(db, T0);
    const start = (lotId: number | null) =>
      startDepositPayment({
        db,
        provider: sandbox(db),
        userId: buyer.id,
        auctionId: auction.auctionId,
        lotId,
        now: auction.endsAt,
      });
    await expect(start(auction.lotIds[0]!)).rejects.toMatchObject({ code: 'LOT_NOT_BIDDABLE' });
    await expect(start(null)).rejects.toMatchObject({ code: 'LOT_NOT_BIDDABLE' });
  });
});

describe.each(testDrivers())('pay-due reminder on %s', (driver) => {
  const current = databaseForEachTest(driver);
  const reminders = (db: Database) => db.select().from(notifications).where(eq(notifications.kind, 'payment_due_soon'));

  it('is sent once, two hours before dueAt', async () => {
    const db = current().db;
    const { buyer, order, dueAt } = await wonOrder(db, { now: T0 });
    expect(await orderRow(db)).toMatchObject({ nextTransitionAt: at(dueAt, -2 * HOUR) });
    await tick(db, at(dueAt, -2 * HOUR - 1));
    expect(await reminders(db)).toEqual([]);
    await tick(db, at(dueAt, -2 * HOUR));
    await tick(db, at(dueAt, -HOUR));
    await tick(db, at(dueAt, -1));
    const sent = await reminders(db);
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({ userId: buyer.id, data: { orderId: order.id, orderNo: order.orderNo } });
    expect(new Date(String(sent[0]!.data.dueAt))).toEqual(dueAt);
    expect(await orderRow(db)).toMatchObject({
      remindedAt: at(dueAt, -2 * HOUR),
      nextTransitionAt: dueAt,
      status: 'pending_payment',
    });
  });

  it('is sent by a late tick that comes before dueAt, and never by one that comes after', async () => {
    const db = current().db;
    const { dueAt } = await wonOrder(db, { now: T0 });
    await tick(db, at(dueAt, -MINUTE));
    expect(await reminders(db)).toHaveLength(1);
    await current().reset();
    const again = await wonOrder(current().db, { now: T0 });
    await tick(current().db, again.dueAt);
    expect(await reminders(current().db)).toEqual([]);
    expect(await current().db.$count(outbox, sql`${outbox.payload}->>'kind' = 'payment_due_soon'`)).toBe(0);
  });

  it('is not sent for an order paid before', async () => {
    const db = current().db;
    const { buyer, order, dueAt } = await wonOrder(db, { now: T0 });
    const paymentId = await startCharge(db, { userId: buyer.id, orderId: order.id, now: at(dueAt, -3 * HOUR) });
    await confirmCharge(db, paymentId, at(dueAt, -3 * HOUR));
    await tick(db, at(dueAt, -HOUR));
    expect(await reminders(db)).toEqual([]);
  });
});

const concurrentDrivers = concurrentTestDrivers();

describe.runIf(concurrentDrivers.length > 0)('payments racing the tick (needs DATABASE_URL)', () => {
  describe.each(concurrentDrivers)('on %s', (driver) => {
    const current = databaseForEachTest(driver);

    it('a deposit confirmed as the auction ends is never left held in an ended auction, and nothing deadlocks', async () => {
      const db = current().db;
      for (let round = 0; round < 30; round++) {
        await current().reset();
        const buyers = await Promise.all([seedBuyer(db), seedBuyer(db)]);
        const auction = await publishedAuction(db, T0, { lots: [{}, {}] });
        await tick(db, auction.startsAt);
        // One session deposit and one lot deposit, both paid just before the end and heard of exactly at it.
        const charges = [
          await startDepositPayment({
            db,
            provider: sandbox(db),
            userId: buyers[0]!.id,
            auctionId: auction.auctionId,
            lotId: null,
            now: auction.startsAt,
          }),
          await startDepositPayment({
            db,
            provider: sandbox(db),
            userId: buyers[1]!.id,
            auctionId: auction.auctionId,
            lotId: auction.lotIds[round % 2]!,
            now: auction.startsAt,
          }),
        ];
        const paidAt = at(auction.endsAt, -1);
        await Promise.all([
          ...charges.map((charge) => confirmCharge(db, charge.paymentId, auction.endsAt, true, paidAt)),
          tick(db, auction.endsAt),
          tick(db, auction.endsAt),
        ]);
        await tick(db, at(auction.endsAt, MINUTE));
        const stuck = await db.execute(sql`
          select d.id from deposits d join auctions a on a.id = d.auction_id
          where d.status in ('held', 'frozen') and a.status = 'ended'`);
        expect(stuck.rows, `round ${round}`).toEqual([]);
        // Whichever side won, every fen came back: funded then refunded at settlement, or refunded whole.
        const ids = intArray(charges.map((charge) => charge.paymentId));
        const [money] = await db
          .execute<{ paid: string; back: string }>(
            sql`
            select (select coalesce(sum(amount), 0) from payments where status = 'succeeded' and id = any(${ids})) as paid,
                   (select coalesce(sum(amount), 0) from refunds where payment_id = any(${ids})) as back`,
          )
          .then((r) => r.rows);
        expect(Number(money!.back), `round ${round}`).toBe(Number(money!.paid));
      }
    });

    it('a success taken by dueAt and heard of as the grace period ends either pays or is refunded whole, never both', async () => {
      const db = current().db;
      for (let round = 0; round < 20; round++) {
        await current().reset();
        const { buyer, order, dueAt } = await wonOrder(db, { now: T0 });
        const paymentId = await startCharge(db, { userId: buyer.id, orderId: order.id, now: at(dueAt, -MINUTE) });
        await tick(db, dueAt);
        const graceEnd = at(dueAt, GRACE);
        const [outcome] = await Promise.all([
          confirmCharge(db, paymentId, at(graceEnd, -1), true, dueAt),
          tick(db, graceEnd),
        ]);
        const after = await orderRow(db);
        const [deposit] = await db.select().from(deposits);
        if (outcome === 'applied') {
          expect(after.status).toBe('paid');
          expect(deposit).toMatchObject({ status: 'refunded', forfeitedAmount: 0 });
        } else {
          expect(outcome).toBe('refunded');
          expect(after.status).toBe('overdue');
          expect(deposit).toMatchObject({ forfeitedAmount: yuan(200), refundedAmount: yuan(800) });
        }
      }
    });
  });
});
