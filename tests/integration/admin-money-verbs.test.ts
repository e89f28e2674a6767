import { and, eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '@/db/client';
import {
  adminAuditLog,
  auctions,
  deposits,
  lots,
  orders,
  outbox,
  payments,
  refunds,
  sandboxTransactions,
} from '@/db/schema';
import { relistCandidates } from '@/lib/auctions/relist-candidates';
import { manualRefund } from '@/lib/deposits/manual-refund';
import { DEFAULT_RULES } from '@/lib/engine/rules';
import { cancelOrder } from '@/lib/orders/cancel-order';
import { shipOrder } from '@/lib/orders/ship-order';
import { retryFailedRefund } from '@/lib/outbox/retry-failed-refund';
import { placeBid } from '@/lib/bidding/place-bid';
import { startOrderPayment } from '@/lib/payments/order-payment';
import { seedBuyer } from '../support/factories';
import {
  HOUR,
  MINUTE,
  at,
  payDeposit,
  payOrder,
  publishedAuction,
  sandbox,
  testAddress,
  tick,
  wonOrder,
  yuan,
} from '../support/lifecycle';
import { databaseForEachTest, testDrivers } from '../support/test-database';

const T0 = new Date('2026-11-20T02:00:00Z');

const auditOf = (db: Database, entity: string, entityId: number) =>
  db
    .select()
    .from(adminAuditLog)
    .where(and(eq(adminAuditLog.entity, entity), eq(adminAuditLog.entityId, entityId)));

const depositOf = async (db: Database, id: number) => (await db.select().from(deposits).where(eq(deposits.id, id)))[0]!;

/** For every deposit, paid = balance + refunded + forfeited, and the refund rows add up to what it says was refunded. */
async function expectMoneyConserved(db: Database) {
  for (const deposit of await db.select().from(deposits)) {
    if (deposit.status === 'pending') continue;
    expect(deposit.balance + deposit.refundedAmount + deposit.forfeitedAmount).toBe(deposit.amount);
    const rows = await db.select().from(refunds).where(eq(refunds.depositId, deposit.id));
    expect(rows.reduce((sum, row) => sum + row.amount, 0)).toBe(deposit.refundedAmount);
  }
}

// On every configured driver: with Postgres the concurrent submits below really race.
describe.each(testDrivers())('admin money verbs (%s)', (driver) => {
  const current = databaseForEachTest(driver);
  let db: Database;
  let adminId: number;

  beforeEach(async () => {
    db = current().db;
    adminId = (await seedBuyer(db, { role: 'admin' })).id;
  });

  describe('shipOrder', () => {
    it('ships a paid order with carrier and tracking number, audited with before and after', async () => {
      const { buyer, order, auction } = await wonOrder(db, { now: T0 });
      await payOrder(db, { userId: buyer.id, orderId: order.id, now: at(auction.endsAt, HOUR) });
      const shippedAt = at(auction.endsAt, 2 * HOUR);
      await expect(
        shipOrder({
          db,
          orderId: order.id,
          carrier: '顺丰',
          trackingNo: 'SF1234',
          now: shippedAt,
          adminId,
          ip: '10.0.0.1',
        }),
      ).resolves.toBe('shipped');
      const [shipped] = await db.select().from(orders).where(eq(orders.id, order.id));
      expect(shipped).toMatchObject({ status: 'shipped', carrier: '顺丰', trackingNo: 'SF1234', shippedAt });
      const [entry] = await auditOf(db, 'order', order.id);
      expect(entry).toMatchObject({ adminId, action: 'order.ship', ip: '10.0.0.1' });
      expect(entry!.data).toMatchObject({
        before: { status: 'paid', carrier: null, trackingNo: null },
        after: { status: 'shipped', carrier: '顺丰', trackingNo: 'SF1234' },
      });
    });

    it('refuses an unpaid order and an unknown one, writing nothing', async () => {
      const { order, auction } = await wonOrder(db, { now: T0 });
      const now = at(auction.endsAt, HOUR);
      await expect(
        shipOrder({ db, orderId: order.id, carrier: 'SF', trackingNo: 'X1', now, adminId }),
      ).rejects.toMatchObject({
        code: 'WRONG_STATE',
      });
      await expect(
        shipOrder({ db, orderId: 999_999, carrier: 'SF', trackingNo: 'X1', now, adminId }),
      ).rejects.toMatchObject({
        code: 'NOT_FOUND',
      });
      expect((await db.select().from(orders).where(eq(orders.id, order.id)))[0]!.status).toBe('pending_payment');
      expect(await db.select().from(adminAuditLog)).toHaveLength(0);
    });
  });

  describe('cancelOrder', () => {
    const providers = () => () => sandbox(db);

    it('cancels an unpaid order: open charge closed, session deposit refunded whole, no strike, audited', async () => {
      const { buyer, order, auction } = await wonOrder(db, { now: T0 });
      const now = at(auction.endsAt, HOUR);
      const started = await startOrderPayment({
        db,
        provider: sandbox(db),
        userId: buyer.id,
        orderId: order.id,
        userCouponId: null,
        now,
        address: testAddress,
      });
      const status = await cancelOrder({
        db,
        providers: providers(),
        orderId: order.id,
        reason: '买家联系取消',
        now,
        adminId,
      });
      expect(status).toBe('cancelled');
      const [cancelled] = await db.select().from(orders).where(eq(orders.id, order.id));
      expect(cancelled).toMatchObject({
        status: 'cancelled',
        cancelReason: '买家联系取消',
        cancelledAt: now,
        nextTransitionAt: null,
      });
      expect(started.paid).toBe(false);
      const [payment] = await db.select().from(payments).where(eq(payments.orderId, order.id));
      expect(payment!.status).toBe('cancelled');
      // The sale stays on record; the order carries the cancellation.
      expect((await db.select().from(lots).where(eq(lots.id, order.lotId)))[0]!.status).toBe('sold');
      const deposit = await depositOf(db, order.depositId);
      expect(deposit).toMatchObject({
        status: 'refunded',
        balance: 0,
        refundedAmount: yuan(1_000),
        forfeitedAmount: 0,
      });
      const [refund] = await db.select().from(refunds).where(eq(refunds.depositId, deposit.id));
      expect(refund).toMatchObject({ amount: yuan(1_000), status: 'pending' });
      expect(await db.select().from(outbox).where(eq(outbox.refundId, refund!.id))).toHaveLength(1);
      const [entry] = await auditOf(db, 'order', order.id);
      expect(entry!.data).toMatchObject({
        before: { status: 'pending_payment', cancelReason: null },
        after: { status: 'cancelled', cancelReason: '买家联系取消' },
        refundedDepositIds: [deposit.id],
      });
      await expectMoneyConserved(db);
      // The buyer is not at fault: no strike, and the 24-hour rule no longer touches the order.
      await tick(db, at(order.dueAt, HOUR));
      expect((await db.select().from(orders).where(eq(orders.id, order.id)))[0]!.status).toBe('cancelled');
      expect((await depositOf(db, deposit.id)).forfeitedAmount).toBe(0);
    });

    it('takes a cancelled sale out of the ended auction’s turnover and offers its lot for relisting', async () => {
      const { order, auction } = await wonOrder(db, { now: T0 });
      const turnover = async () =>
        (await db.select({ total: auctions.totalPrice }).from(auctions).where(eq(auctions.id, auction.auctionId)))[0]!
          .total;
      expect(await turnover()).toBe(yuan(100));
      const now = at(auction.endsAt, HOUR);
      await cancelOrder({ db, providers: providers(), orderId: order.id, reason: '拍品损坏', now, adminId });
      expect(await turnover()).toBe(0);
      const candidates = await relistCandidates({ db, auctionId: auction.auctionId, now, rules: DEFAULT_RULES });
      expect(candidates.find((lot) => lot.id === order.lotId)).toMatchObject({ status: 'cancelled' });
    });

    it('refuses a paid order, one past its deadline and an unknown one, writing nothing', async () => {
      const paid = await wonOrder(db, { now: T0 });
      await payOrder(db, { userId: paid.buyer.id, orderId: paid.order.id, now: at(paid.auction.endsAt, HOUR) });
      const late = await wonOrder(db, { now: T0 });
      const cases = [
        { orderId: paid.order.id, now: at(paid.auction.endsAt, 2 * HOUR), code: 'WRONG_STATE' },
        { orderId: late.order.id, now: at(late.order.dueAt, MINUTE), code: 'WRONG_STATE' },
        { orderId: 999_999, now: T0, code: 'NOT_FOUND' },
      ];
      for (const { orderId, now, code } of cases) {
        await expect(
          cancelOrder({ db, providers: providers(), orderId, reason: 'x', now, adminId }),
        ).rejects.toMatchObject({
          code,
        });
      }
      expect((await db.select().from(orders).where(eq(orders.id, late.order.id)))[0]!.status).toBe('pending_payment');
      expect(await db.select().from(adminAuditLog)).toHaveLength(0);
    });
  });

  describe('manualRefund', () => {
    async function heldDeposit() {
      const buyer = await seedBuyer(db);
      const auction = await publishedAuction(db, T0);
      await tick(db, auction.startsAt);
      const depositId = await payDeposit(db, { userId: buyer.id, auctionId: auction.auctionId, now: auction.startsAt });
      return { depositId, now: at(auction.startsAt, MINUTE), auction, buyer };
    }

    it('refuses a deposit that backs its owner’s bid on a lot still open, and the lot still closes with it', async () => {
      const { depositId, now, auction, buyer } = await heldDeposit();
      await placeBid({ db, userId: buyer.id, lotId: auction.lotIds[0]!, amount: yuan(100), now });
      await expect(manualRefund({ db, depositId, reason: '想退出', now, adminId })).rejects.toMatchObject({
        code: 'WRONG_STATE',
      });
      expect(await depositOf(db, depositId)).toMatchObject({ status: 'held', refundedAmount: 0 });
      await tick(db, auction.endsAt);
      const [order] = await db.select().from(orders).where(eq(orders.userId, buyer.id));
      expect(order).toMatchObject({ depositId, status: 'pending_payment' });
      expect(await depositOf(db, depositId)).toMatchObject({ status: 'frozen', balance: yuan(1_000) });
    });

    it('refunds the whole balance through the refund path, once, audited with the reason', async () => {
      const { depositId, now, auction } = await heldDeposit();
      await expect(manualRefund({ db, depositId, reason: '买家申请退出', now, adminId })).resolves.toEqual({
        refunded: yuan(1_000),
        alreadyRefunded: false,
      });
      await expect(manualRefund({ db, depositId, reason: '再次点击', now, adminId })).resolves.toEqual({
        refunded: 0,
        alreadyRefunded: true,
      });
      expect(await depositOf(db, depositId)).toMatchObject({
        status: 'refunded',
        balance: 0,
        refundedAmount: yuan(1_000),
      });
      const rows = await db.select().from(refunds).where(eq(refunds.depositId, depositId));
      expect(rows).toEqual([expect.objectContaining({ amount: yuan(1_000), reason: 'manual', status: 'pending' })]);
      const entries = await auditOf(db, 'deposit', depositId);
      expect(entries).toHaveLength(1);
      expect(entries[0]!.data).toMatchObject({
        reason: '买家申请退出',
        amount: yuan(1_000),
        before: { status: 'held', balance: yuan(1_000), refundedAmount: 0 },
        after: { status: 'refunded', balance: 0, refundedAmount: yuan(1_000) },
      });
      // The outbox sends it to the provider, which books it once.
      await tick(db, at(auction.startsAt, 2 * MINUTE));
      expect((await db.select().from(refunds).where(eq(refunds.depositId, depositId)))[0]!.status).toBe('succeeded');
      const booked = await db.select().from(sandboxTransactions).where(eq(sandboxTransactions.kind, 'refund'));
      expect(booked.map((row) => row.amount)).toEqual([yuan(1_000)]);
      await expectMoneyConserved(db);
    });

    it('refunds once under two concurrent submits', async () => {
      const { depositId, now } = await heldDeposit();
      const results = await Promise.all([
        manualRefund({ db, depositId, reason: 'a', now, adminId }),
        manualRefund({ db, depositId, reason: 'b', now, adminId }),
      ]);
      expect(results.map((result) => result.refunded).sort()).toEqual([0, yuan(1_000)]);
      expect(await db.select().from(refunds).where(eq(refunds.depositId, depositId))).toHaveLength(1);
      expect(await auditOf(db, 'deposit', depositId)).toHaveLength(1);
      await expectMoneyConserved(db);
    });

    it('refuses a deposit that still answers for an unpaid order, an unpaid one and an unknown one', async () => {
      const { order, auction } = await wonOrder(db, { now: T0 });
      const now = at(auction.endsAt, HOUR);
      await expect(manualRefund({ db, depositId: order.depositId, reason: 'x', now, adminId })).rejects.toMatchObject({
        code: 'WRONG_STATE',
      });
      const [pending] = await db
        .insert(deposits)
        .values({
          userId: order.userId,
          auctionId: auction.auctionId,
          lotId: auction.lotIds[0]!,
          kind: 'lot',
          amount: yuan(200),
        })
        .returning();
      await expect(manualRefund({ db, depositId: pending!.id, reason: 'x', now, adminId })).rejects.toMatchObject({
        code: 'WRONG_STATE',
      });
      await expect(manualRefund({ db, depositId: 999_999, reason: 'x', now, adminId })).rejects.toMatchObject({
        code: 'NOT_FOUND',
      });
      expect((await depositOf(db, order.depositId)).status).toBe('frozen');
      expect(await db.select().from(adminAuditLog)).toHaveLength(0);
    });
  });

  describe('retryFailedRefund', () => {
    async function failedRefund() {
      const buyer = await seedBuyer(db);
      const auction = await publishedAuction(db, T0);
      await tick(db, auction.startsAt);
      const depositId = await payDeposit(db, { userId: buyer.id, auctionId: auction.auctionId, now: auction.startsAt });
      const now = at(auction.startsAt, MINUTE);
      await manualRefund({ db, depositId, reason: 'x', now, adminId });
      const [refund] = await db.select().from(refunds).where(eq(refunds.depositId, depositId));
      // What the drain leaves after its last attempt.
      await db
        .update(refunds)
        .set({ status: 'failed', attempts: 12, lastError: 'provider down' })
        .where(eq(refunds.id, refund!.id));
      await db
        .update(outbox)
        .set({ status: 'failed', attempts: 12, lastError: 'provider down' })
        .where(eq(outbox.refundId, refund!.id));
      return { refundId: refund!.id, now: at(now, MINUTE) };
    }

    it('requeues the refund and its outbox row, and the next tick sends it', async () => {
      const { refundId, now } = await failedRefund();
      await expect(retryFailedRefund({ db, refundId, now, adminId })).resolves.toEqual({ requeued: true });
      expect((await db.select().from(refunds).where(eq(refunds.id, refundId)))[0]).toMatchObject({
        status: 'pending',
        lastError: null,
      });
      expect((await db.select().from(outbox).where(eq(outbox.refundId, refundId)))[0]).toMatchObject({
        status: 'pending',
        attempts: 0,
      });
      const [entry] = await auditOf(db, 'refund', refundId);
      expect(entry).toMatchObject({ action: 'refund.retry' });
      expect(entry!.data).toMatchObject({ before: { status: 'failed' }, after: { status: 'pending' } });
      await tick(db, at(now, MINUTE));
      expect((await db.select().from(refunds).where(eq(refunds.id, refundId)))[0]!.status).toBe('succeeded');
      expect(await db.select().from(sandboxTransactions).where(eq(sandboxTransactions.kind, 'refund'))).toHaveLength(1);
    });

    it('requeues once under two concurrent retries, and a retry of a queued refund changes nothing', async () => {
      const { refundId, now } = await failedRefund();
      const results = await Promise.all([
        retryFailedRefund({ db, refundId, now, adminId }),
        retryFailedRefund({ db, refundId, now, adminId }),
      ]);
      expect(results.map((result) => result.requeued).sort()).toEqual([false, true]);
      await expect(retryFailedRefund({ db, refundId, now, adminId })).resolves.toEqual({ requeued: false });
      expect(await auditOf(db, 'refund', refundId)).toHaveLength(1);
    });

    it('answers NOT_FOUND for an unknown refund', async () => {
      await expect(retryFailedRefund({ db, refundId: 999_999, now: T0, adminId })).rejects.toMatchObject({
        code: 'NOT_FOUND',
      });
    });
  });
});
