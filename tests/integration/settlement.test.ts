import { and, asc, eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import type { Database } from '@/db/client';
import {
  auctions,
  deposits,
  lifecycleEvents,
  lots,
  notifications,
  orders,
  outbox,
  refunds,
  sandboxTransactions,
} from '@/db/schema';
import { placeBid } from '@/lib/bidding/place-bid';
import { runTick } from '@/lib/engine/tick';
import { seedBuyer } from '../support/factories';
import { cancelAuction } from '@/lib/auctions/cancel-auction';
import { startDepositPayment } from '@/lib/payments/deposit-payment';
import {
  at,
  DAY,
  HOUR,
  MINUTE,
  payDeposit,
  payOrder,
  publishedAuction,
  sandbox,
  tick,
  yuan,
} from '../support/lifecycle';
import { databaseForEachTest, testDrivers } from '../support/test-database';

const T0 = new Date('2026-11-01T02:00:00Z');

/** design.md's example, played through the real verbs: deposits paid, bids placed in order. */
async function designExample(db: Database) {
  const [bai, hua, zhu] = await Promise.all(['白浩伟', '华新', '朱凡宇'].map((name) => seedBuyer(db, { name })));
  const auction = await publishedAuction(db, T0, {
    depositAmount: yuan(1_000),
    lots: [
      { title: 'A', startPrice: yuan(100), depositAmount: yuan(200) },
      { title: 'B', startPrice: yuan(50), depositAmount: yuan(900) },
      { title: 'C', startPrice: yuan(100), depositAmount: yuan(100) },
    ],
  });
  const [lotA, lotB, lotC] = auction.lotIds as [number, number, number];
  const live = at(auction.startsAt, MINUTE);
  await tick(db, auction.startsAt);
  await payDeposit(db, { userId: bai!.id, auctionId: auction.auctionId, now: live });
  await payDeposit(db, { userId: hua!.id, auctionId: auction.auctionId, lotId: lotA, now: live });
  await payDeposit(db, { userId: zhu!.id, auctionId: auction.auctionId, lotId: lotA, now: live });
  await payDeposit(db, { userId: zhu!.id, auctionId: auction.auctionId, lotId: lotC, now: live });
  await payDeposit(db, { userId: zhu!.id, auctionId: auction.auctionId, lotId: lotB, now: live });
  const script: [number, number, number][] = [
    [lotA, bai!.id, 100],
    [lotA, hua!.id, 200],
    [lotA, zhu!.id, 300],
    [lotA, hua!.id, 400],
    [lotA, bai!.id, 500],
    [lotB, bai!.id, 50],
    [lotB, zhu!.id, 200],
    [lotB, bai!.id, 10_000],
  ];
  for (const [index, [lotId, userId, amount]] of script.entries()) {
    await placeBid({ db, userId, lotId, amount: yuan(amount), now: at(live, (index + 1) * MINUTE) });
  }
  return { ...auction, lotA, lotB, lotC, bai: bai!, hua: hua!, zhu: zhu! };
}

async function depositOf(db: Database, userId: number, lotId: number | null) {
  const rows = await db.select().from(deposits).where(eq(deposits.userId, userId));
  return rows.find((row) => row.lotId === lotId)!;
}

describe.each(testDrivers())('settlement on %s', (driver) => {
  const current = databaseForEachTest(driver);

  it('settles design.md’s example exactly', async () => {
    const db = current().db;
    const x = await designExample(db);
    const summary = await tick(db, x.endsAt);

    expect(summary.transitions).toMatchObject({ 'lot:live→sold': 2, 'lot:live→unsold': 1, 'auction:live→ended': 1 });
    const lotRows = await db.select().from(lots).where(eq(lots.auctionId, x.auctionId)).orderBy(asc(lots.position));
    expect(lotRows.map((lot) => [lot.title, lot.status, lot.winnerId, lot.dealPrice])).toEqual([
      ['A', 'sold', x.bai.id, yuan(500)],
      ['B', 'sold', x.bai.id, yuan(10_000)],
      ['C', 'unsold', null, null],
    ]);
    const [auction] = await db.select().from(auctions).where(eq(auctions.id, x.auctionId));
    expect(auction).toMatchObject({ status: 'ended', totalPrice: yuan(10_500) });

    const orderRows = await db.select().from(orders).orderBy(asc(orders.lotId));
    const session = await depositOf(db, x.bai.id, null);
    expect(orderRows.map((o) => [o.lotId, o.userId, o.status, o.dealPrice, o.depositId, o.dueAt.getTime()])).toEqual([
      [x.lotA, x.bai.id, 'pending_payment', yuan(500), session.id, x.endsAt.getTime() + DAY],
      [x.lotB, x.bai.id, 'pending_payment', yuan(10_000), session.id, x.endsAt.getTime() + DAY],
    ]);
    expect(orderRows.every((o) => /^GV20261101\d{6}$/.test(o.orderNo))).toBe(true);
    expect(session).toMatchObject({ status: 'frozen', balance: yuan(1_000) });
    for (const [user, lotId] of [
      [x.hua, x.lotA],
      [x.zhu, x.lotA],
      [x.zhu, x.lotB],
      [x.zhu, x.lotC],
    ] as const) {
      expect(await depositOf(db, user.id, lotId)).toMatchObject({
        status: 'refunded',
        balance: 0,
        refundedAmount: (await depositOf(db, user.id, lotId)).amount,
      });
    }
    // Refunds went to the provider after commit, once each; winners were told.
    const refundRows = await db.select().from(refunds);
    expect(refundRows).toHaveLength(4);
    expect(refundRows.every((r) => r.status === 'succeeded')).toBe(true);
    expect(await db.$count(sandboxTransactions, eq(sandboxTransactions.kind, 'refund'))).toBe(4);
    expect(
      await db.$count(notifications, and(eq(notifications.userId, x.bai.id), eq(notifications.kind, 'order_created'))),
    ).toBe(2);

    // A second tick at the same moment finds nothing to do.
    const again = await tick(db, x.endsAt);
    expect(again.transitions).toEqual({});
    expect(await db.$count(refunds)).toBe(4);
  });

  it('24-hour rule: he pays B but not A, so A is overdue, ¥200 deducted, ¥800 refunded', async () => {
    const db = current().db;
    const x = await designExample(db);
    await tick(db, x.endsAt);
    const orderB = (await db.select().from(orders).where(eq(orders.lotId, x.lotB)))[0]!;
    expect(await payOrder(db, { userId: x.bai.id, orderId: orderB.id, now: at(x.endsAt, HOUR) })).toBe('applied');
    expect(await depositOf(db, x.bai.id, null)).toMatchObject({ status: 'frozen', balance: yuan(1_000) });

    // One millisecond before the deadline nothing happens; at it, the rule applies.
    expect((await tick(db, at(x.endsAt, DAY - 1))).transitions).toEqual({});
    await tick(db, at(x.endsAt, DAY));
    const [lotA] = await db.select().from(lots).where(eq(lots.id, x.lotA));
    const [lotB] = await db.select().from(lots).where(eq(lots.id, x.lotB));
    expect([lotA!.status, lotB!.status]).toEqual(['overdue', 'paid']);
    expect(await depositOf(db, x.bai.id, null)).toMatchObject({
      status: 'refunded',
      balance: 0,
      forfeitedAmount: yuan(200),
      refundedAmount: yuan(800),
    });
    const sessionRefunds = await db.select().from(refunds).where(eq(refunds.reason, 'orders_settled'));
    expect(sessionRefunds.map((r) => [r.amount, r.status])).toEqual([[yuan(800), 'succeeded']]);
  });

  it('24-hour rule: he pays neither, so the balance ends at 0 and nothing is refunded', async () => {
    const db = current().db;
    const x = await designExample(db);
    await tick(db, x.endsAt);
    await tick(db, at(x.endsAt, DAY + HOUR));
    expect((await db.select().from(orders)).map((o) => o.status)).toEqual(['overdue', 'overdue']);
    expect(await depositOf(db, x.bai.id, null)).toMatchObject({
      status: 'forfeited',
      balance: 0,
      forfeitedAmount: yuan(1_000),
      refundedAmount: 0,
    });
    expect(await db.$count(refunds, eq(refunds.reason, 'orders_settled'))).toBe(0);
  });

  it('catches up a database left 30 days without ticks in one run', async () => {
    const db = current().db;
    const buyer = await seedBuyer(db);
    const early = await publishedAuction(db, T0, { lots: [{}, {}] });
    await tick(db, early.startsAt);
    await payDeposit(db, { userId: buyer.id, auctionId: early.auctionId, now: at(early.startsAt, MINUTE) });
    await placeBid({
      db,
      userId: buyer.id,
      lotId: early.lotIds[0]!,
      amount: yuan(100),
      now: at(early.startsAt, 2 * MINUTE),
    });
    const untouched = await publishedAuction(db, T0, { lots: [{}, {}, {}] });

    const summary = await tick(db, at(T0, 30 * DAY));
    expect(summary.remaining).toEqual({ auctions: 0, lots: 0, orders: 0 });
    expect((await db.select().from(auctions).orderBy(asc(auctions.id))).map((a) => a.status)).toEqual([
      'ended',
      'ended',
    ]);
    expect(await db.$count(lots, eq(lots.auctionId, untouched.auctionId))).toBe(3);
    expect(
      (await db.select({ status: lots.status }).from(lots).where(eq(lots.auctionId, untouched.auctionId))).every(
        (l) => l.status === 'unsold',
      ),
    ).toBe(true);
    const [order] = await db.select().from(orders);
    expect(order).toMatchObject({ status: 'overdue', userId: buyer.id });
    expect(await depositOf(db, buyer.id, null)).toMatchObject({
      status: 'refunded',
      forfeitedAmount: yuan(200),
      refundedAmount: yuan(800),
    });
    // Every hop is in the log: scheduled → preview → live → ended for both auctions.
    expect(
      await db.$count(
        lifecycleEvents,
        and(eq(lifecycleEvents.entity, 'auction'), eq(lifecycleEvents.toStatus, 'ended')),
      ),
    ).toBe(2);
  });

  it('sends a refund exactly once when the process dies between commit and send', async () => {
    const db = current().db;
    const x = await designExample(db);
    // Settle without an outbox: the refunds are committed but never sent, as if killed there.
    await runTick({ db, now: x.endsAt });
    expect(await db.$count(refunds, eq(refunds.status, 'pending'))).toBe(4);
    expect(await db.$count(sandboxTransactions, eq(sandboxTransactions.kind, 'refund'))).toBe(0);
    // A send that reached the provider but died before marking the row done: sent again.
    const [first] = await db.select().from(refunds).orderBy(asc(refunds.id)).limit(1);
    const provider = (await import('../support/lifecycle')).sandbox(db);
    const [payment] = await db
      .execute<{ provider_ref: string }>(sql`select provider_ref from payments where id = ${first!.paymentId}`)
      .then((r) => r.rows);
    await provider.refund({
      idempotencyKey: first!.idempotencyKey,
      chargeReference: payment!.provider_ref,
      amount: first!.amount,
    });

    await tick(db, at(x.endsAt, MINUTE));
    await tick(db, at(x.endsAt, 2 * MINUTE));
    expect(await db.$count(refunds, eq(refunds.status, 'succeeded'))).toBe(4);
    expect(await db.$count(sandboxTransactions, eq(sandboxTransactions.kind, 'refund'))).toBe(4);
    expect(await db.$count(outbox, eq(outbox.status, 'pending'))).toBe(0);
  });
});

describe.each(testDrivers())('late deposit payments on %s', (driver) => {
  const current = databaseForEachTest(driver);

  it('refunds a deposit charge that succeeds after the auction was cancelled', async () => {
    const db = current().db;
    const buyer = await seedBuyer(db);
    const auction = await publishedAuction(db, T0);
    const { startDepositPayment } = await import('@/lib/payments/deposit-payment');
    const { cancelAuction } = await import('@/lib/auctions/cancel-auction');
    const { confirmCharge, sandbox } = await import('../support/lifecycle');
    const started = await startDepositPayment({
      db,
      provider: sandbox(db),
      userId: buyer.id,
      auctionId: auction.auctionId,
      lotId: null,
      now: auction.previewStartsAt,
    });
    await cancelAuction({ db, auctionId: auction.auctionId, now: auction.previewStartsAt });
    expect(await confirmCharge(db, started.paymentId, at(auction.previewStartsAt, MINUTE))).toBe('refunded');
    expect(await depositOf(db, buyer.id, null)).toMatchObject({ status: 'pending', balance: 0 });
    await tick(db, at(auction.previewStartsAt, 2 * MINUTE));
    const [refund] = await db.select().from(refunds);
    expect(refund).toMatchObject({
      paymentId: started.paymentId,
      reason: 'payment_not_applicable',
      status: 'succeeded',
    });
  });
});

/**
 * A deposit charge confirmed just as its auction ended, funded by a webhook that read a stale
 * status: the state issue 8's race 3 leaves behind, written directly.
 */
async function fundedTooLate(db: Database, depositId: number, now: Date) {
  await db.execute(
    sql`update payments set status = 'succeeded', succeeded_at = ${now.toISOString()}::timestamptz where deposit_id = ${depositId} and status = 'pending'`,
  );
  await db.execute(
    sql`update deposits set status = 'held', balance = amount, paid_at = ${now.toISOString()}::timestamptz where id = ${depositId}`,
  );
}

describe.each(testDrivers())('level-triggered deposit sweep on %s', (driver) => {
  const current = databaseForEachTest(driver);

  it('the next tick settles every deposit held without a reason, and keeps what is still owed', async () => {
    const db = current().db;
    const [winA, winB, late, lateLot] = await Promise.all([seedBuyer(db), seedBuyer(db), seedBuyer(db), seedBuyer(db)]);
    const auction = await publishedAuction(db, T0, { lots: [{ title: 'A' }, { title: 'B' }] });
    const [lotA, lotB] = auction.lotIds as [number, number];
    await tick(db, auction.startsAt);
    const live = at(auction.startsAt, MINUTE);
    await payDeposit(db, { userId: winA.id, auctionId: auction.auctionId, now: live });
    // winB bids with a lot deposit; their session deposit is still being paid.
    await payDeposit(db, { userId: winB.id, auctionId: auction.auctionId, lotId: lotB, now: live });
    const charges = await Promise.all([
      startDepositPayment({
        db,
        provider: sandbox(db),
        userId: winB.id,
        auctionId: auction.auctionId,
        lotId: null,
        now: live,
      }),
      startDepositPayment({
        db,
        provider: sandbox(db),
        userId: late.id,
        auctionId: auction.auctionId,
        lotId: null,
        now: live,
      }),
      startDepositPayment({
        db,
        provider: sandbox(db),
        userId: lateLot.id,
        auctionId: auction.auctionId,
        lotId: lotA,
        now: live,
      }),
    ]);
    await placeBid({ db, userId: winA.id, lotId: lotA, amount: yuan(100), now: at(live, MINUTE) });
    await placeBid({ db, userId: winB.id, lotId: lotB, amount: yuan(100), now: at(live, MINUTE) });
    // Another auction, cancelled in preview while a deposit charge was open.
    const cancelled = await publishedAuction(db, T0);
    await tick(db, cancelled.previewStartsAt);
    const cancelledCharge = await startDepositPayment({
      db,
      provider: sandbox(db),
      userId: late.id,
      auctionId: cancelled.auctionId,
      lotId: null,
      now: cancelled.previewStartsAt,
    });
    await cancelAuction({ db, auctionId: cancelled.auctionId, now: at(cancelled.previewStartsAt, MINUTE) });
    await tick(db, auction.endsAt);

    // What interleavings leave: three charges funded after their auction ended or was
    // cancelled, and winA's order paid without its session deposit being released.
    for (const charge of [...charges, cancelledCharge])
      await fundedTooLate(db, charge.depositId, at(auction.endsAt, MINUTE));
    const [orderA] = await db.select().from(orders).where(eq(orders.lotId, lotA));
    await db
      .update(orders)
      .set({ status: 'paid', paidAt: at(auction.endsAt, MINUTE) })
      .where(eq(orders.id, orderA!.id));

    const summary = await tick(db, at(auction.endsAt, 2 * MINUTE));
    expect(summary.transitions).toEqual({
      'deposit:held→refunded': 3,
      'deposit:frozen→refunded': 1,
      'deposit:held→frozen': 1,
    });
    const statusOf = async (userId: number, lotId: number | null, auctionId = auction.auctionId) =>
      (
        await db
          .select()
          .from(deposits)
          .where(and(eq(deposits.userId, userId), eq(deposits.auctionId, auctionId)))
      ).find((d) => d.lotId === lotId)!.status;
    expect(await statusOf(winA.id, null)).toBe('refunded');
    expect(await statusOf(late.id, null)).toBe('refunded');
    expect(await statusOf(lateLot.id, lotA)).toBe('refunded');
    expect(await statusOf(late.id, null, cancelled.auctionId)).toBe('refunded');
    // winB still owes lot B's order: both their deposits keep answering for it.
    expect(await statusOf(winB.id, lotB)).toBe('held');
    expect(await statusOf(winB.id, null)).toBe('frozen');
    expect(await db.$count(sandboxTransactions, eq(sandboxTransactions.kind, 'refund'))).toBe(await db.$count(refunds));
    // Level-triggered, and idempotent: the next tick finds nothing left to do.
    expect((await tick(db, at(auction.endsAt, 3 * MINUTE))).transitions).toEqual({});
  });
});
