import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { describe, expect, it } from 'vitest';
import { bids, deposits, lifecycleEvents, lots, orders, payments, refunds, sandboxTransactions } from '@/db/schema';
import { placeBid } from '@/lib/bidding/place-bid';
import type { TickSummary } from '@/lib/engine/tick';
import { DEFAULT_RULES } from '@/lib/engine/rules';
import { markOrderPaid } from '@/lib/payments/order-paid';
import { startOrderPayment } from '@/lib/payments/order-payment';
import { seedBuyer } from '../support/factories';
import {
  at,
  confirmCharge,
  DAY,
  deliverWebhook,
  MINUTE,
  payDeposit,
  publishedAuction,
  sandbox,
  testAddress,
  tick,
  wonOrder,
  yuan,
} from '../support/lifecycle';
import { holdDepositLock, lockWaiters, track, waitUntil } from '../support/locks';
import { databaseForEachTest, concurrentTestDrivers } from '../support/test-database';

const T0 = new Date('2026-11-03T02:00:00Z');

const drivers = concurrentTestDrivers();

describe.runIf(drivers.length > 0)('concurrency (needs DATABASE_URL)', () => {
  describe.each(drivers)('on %s', (driver) => {
    const current = databaseForEachTest(driver);

    it('20 ticks at once over the same due set apply every effect exactly once', async () => {
      const db = current().db;
      for (let round = 0; round < 3; round++) {
        await current().reset();
        // A random schedule: auctions with several lots, some bid on, closing together.
        const buyers = await Promise.all(Array.from({ length: 4 }, () => seedBuyer(db)));
        const auctions = [];
        for (let i = 0; i < 3; i++) {
          const auction = await publishedAuction(db, at(T0, i * MINUTE), {
            lots: Array.from({ length: 2 + ((round + i) % 3) }, () => ({ depositAmount: yuan(200) })),
          });
          await tick(db, auction.startsAt);
          for (const buyer of buyers)
            await payDeposit(db, {
              userId: buyer.id,
              auctionId: auction.auctionId,
              lotId: auction.lotIds[0]!,
              now: auction.startsAt,
            });
          await placeBid({
            db,
            userId: buyers[(round + i) % 4]!.id,
            lotId: auction.lotIds[0]!,
            amount: yuan(100),
            now: at(auction.startsAt, MINUTE),
          });
          auctions.push(auction);
        }
        const endAll = at(T0, 3 * 60 * MINUTE + 10 * MINUTE);
        const summaries = await Promise.all(Array.from({ length: 20 }, () => tick(db, endAll)));
        const applied = (key: string) => summaries.reduce((sum, s) => sum + (s.transitions[key] ?? 0), 0);
        expect(applied('auction:live→ended')).toBe(3);
        expect(applied('lot:live→sold')).toBe(3);
        expect(await db.$count(orders)).toBe(3);
        // Three losers per auction got their lot deposit back, once each, at the provider too.
        expect(await db.$count(refunds)).toBe(9);
        expect(await db.$count(sandboxTransactions, eq(sandboxTransactions.kind, 'refund'))).toBe(9);
        const events = await db
          .select({ entity: lifecycleEvents.entity, id: lifecycleEvents.entityId, to: lifecycleEvents.toStatus })
          .from(lifecycleEvents);
        const keys = events.map((e) => `${e.entity}:${e.id}:${e.to}`);
        expect(new Set(keys).size).toBe(keys.length);
      }
    });

    it('50 concurrent bidders on one lot: no lost or duplicated bid, prices strictly increasing', async () => {
      const db = current().db;
      const auction = await publishedAuction(db, T0, { antiSnipingMinutes: 0 });
      await tick(db, auction.startsAt);
      const lotId = auction.lotIds[0]!;
      const bidders = await Promise.all(Array.from({ length: 50 }, () => seedBuyer(db)));
      for (const bidder of bidders)
        await payDeposit(db, { userId: bidder.id, auctionId: auction.auctionId, now: auction.startsAt });
      const now = at(auction.startsAt, MINUTE);
      // Everyone bids what they saw as the minimum a few times over: most lose the race.
      const outcomes = await Promise.all(
        bidders.flatMap((bidder, i) =>
          [0, 1, 2].map(async (k) => {
            const amount = yuan(100) + yuan(10) * ((i + k * 7) % 40);
            try {
              await placeBid({ db, userId: bidder.id, lotId, amount, now });
              return { ok: true as const, amount };
            } catch (error) {
              return { ok: false as const, code: (error as { code?: string }).code };
            }
          }),
        ),
      );
      expect(outcomes.filter((o) => !o.ok).every((o) => o.code === 'BID_TOO_LOW' || o.code === 'ALREADY_LEADING')).toBe(
        true,
      );
      const accepted = outcomes.filter((o) => o.ok).length;
      const history = await db.select().from(bids).where(eq(bids.lotId, lotId)).orderBy(asc(bids.id));
      expect(history).toHaveLength(accepted);
      for (let i = 1; i < history.length; i++) expect(history[i]!.amount).toBeGreaterThan(history[i - 1]!.amount);
      const [lot] = await db.select().from(lots).where(eq(lots.id, lotId));
      expect(lot).toMatchObject({
        bidCount: accepted,
        currentPrice: history.at(-1)!.amount,
        leaderId: history.at(-1)!.userId,
      });
    });

    it('pay and overdue racing on one order: exactly one wins, and money still adds up', async () => {
      const db = current().db;
      for (let round = 0; round < 5; round++) {
        await current().reset();
        const { buyer, auction, order } = await wonOrder(db, { now: T0 });
        const started = await startOrderPayment({
          db,
          provider: sandbox(db),
          userId: buyer.id,
          orderId: order!.id,
          address: testAddress,
          userCouponId: null,
          now: at(auction.endsAt, DAY - MINUTE),
        });
        if (started.paid) throw new Error('expected a charge');
        const due = at(auction.endsAt, DAY);
        const [payOutcome] = await Promise.all([confirmCharge(db, started.paymentId, due), tick(db, due)]);
        const [after] = await db.select().from(orders);
        const [deposit] = await db.select().from(deposits);
        if (payOutcome === 'applied') {
          expect(after!.status).toBe('paid');
          expect(deposit).toMatchObject({ status: 'refunded', forfeitedAmount: 0 });
        } else {
          expect(payOutcome).toBe('refunded');
          expect(after!.status).toBe('overdue');
          expect(deposit).toMatchObject({ forfeitedAmount: yuan(200), refundedAmount: yuan(800) });
          // The late charge went straight back to where it came from.
          const [refund] = await db.select().from(refunds).where(eq(refunds.paymentId, started.paymentId));
          expect(refund).toMatchObject({ amount: yuan(100), reason: 'payment_not_applicable' });
        }
        const [paid] = await db
          .execute<{ total: string }>(
            sql`select coalesce(sum(amount), 0) as total from payments where status = 'succeeded'`,
          )
          .then((r) => r.rows);
        const [back] = await db
          .execute<{ total: string }>(sql`select coalesce(sum(amount), 0) as total from refunds`)
          .then((r) => r.rows);
        const kept = payOutcome === 'applied' ? yuan(100) : yuan(200);
        expect(Number(paid!.total) - Number(back!.total)).toBe(kept);
        expect(await db.$count(payments)).toBe(2);
      }
    });

    /**
     * The interleaving behind races 1 and 2 of issue 8, forced: a bystander's session deposit
     * is locked so that settlement stops mid-way, after it has looked at the winner's orders;
     * the winner's order is then paid (or goes overdue in another tick) and commits; then
     * settlement goes on. The winner's session deposit must end with nothing held.
     */
    async function settlementInterrupted(
      db: Database,
      interrupt: (x: { orderId: number; paymentId: number; closedAt: Date }) => Promise<unknown>,
    ) {
      const [winner, bystander] = await Promise.all([seedBuyer(db), seedBuyer(db)]);
      const auction = await publishedAuction(db, T0, { lots: [{}, {}] });
      // The second lot was extended: the first one's order exists while the auction is live.
      const lastClose = at(auction.endsAt, 10 * MINUTE);
      await db.update(lots).set({ endsAt: lastClose }).where(eq(lots.id, auction.lotIds[1]!));
      await tick(db, auction.startsAt);
      await payDeposit(db, { userId: bystander.id, auctionId: auction.auctionId, now: auction.startsAt });
      await payDeposit(db, { userId: winner.id, auctionId: auction.auctionId, now: auction.startsAt });
      await placeBid({
        db,
        userId: winner.id,
        lotId: auction.lotIds[0]!,
        amount: yuan(100),
        now: at(auction.startsAt, MINUTE),
      });
      await tick(db, auction.endsAt);
      const [order] = await db.select().from(orders).where(eq(orders.userId, winner.id));
      const started = await startOrderPayment({
        db,
        provider: sandbox(db),
        userId: winner.id,
        orderId: order!.id,
        address: testAddress,
        userCouponId: null,
        now: at(auction.endsAt, MINUTE),
      });
      if (started.paid) throw new Error('expected a charge');

      const [bystanderDeposit] = await db
        .select()
        .from(deposits)
        .where(and(eq(deposits.userId, bystander.id), isNull(deposits.lotId)));
      const release = await holdDepositLock(db, bystanderDeposit!.id);
      // The tick closes the last lot, ends the auction and stops at the lock.
      const settling = track(tick(db, lastClose));
      await waitUntil(async () => (await lockWaiters(db)) >= 1, 'settlement waits for the bystander’s deposit');
      const other = track(interrupt({ orderId: order!.id, paymentId: started.paymentId, closedAt: auction.endsAt }));
      // The other side either commits or queues behind settlement for the winner's deposit.
      await waitUntil(async () => other.done || (await lockWaiters(db)) >= 2, 'the other side commits or waits');
      await release();
      const results = await Promise.all([settling.promise, other.promise]);
      // Fixed at the cause: the tick's sweep had nothing to repair.
      const swept = results
        .flatMap((result) => Object.keys((result as Partial<TickSummary> | undefined)?.transitions ?? {}))
        .filter((key) => key.startsWith('deposit:'));
      expect(swept).toEqual([]);
      const [deposit] = await db
        .select()
        .from(deposits)
        .where(and(eq(deposits.userId, winner.id), isNull(deposits.lotId)));
      return deposit!;
    }

    it('race 1: an order paid while its auction settles leaves no session deposit frozen', async () => {
      const db = current().db;
      const deposit = await settlementInterrupted(db, async ({ paymentId, closedAt }) => {
        expect(await deliverWebhook(db, paymentId, at(closedAt, 11 * MINUTE))).toBe('applied');
      });
      expect(deposit).toMatchObject({
        status: 'refunded',
        balance: 0,
        refundedAmount: yuan(1_000),
        forfeitedAmount: 0,
      });
    });

    it('race 2: an order going overdue in another tick while its auction settles leaves no session deposit frozen', async () => {
      const db = current().db;
      // Past the grace period too: the order's charge is still open at its due time.
      const deposit = await settlementInterrupted(db, ({ closedAt }) => tick(db, at(closedAt, DAY + 10 * MINUTE)));
      expect(deposit).toMatchObject({
        status: 'refunded',
        balance: 0,
        refundedAmount: yuan(800),
        forfeitedAmount: yuan(200),
      });
    });

    /**
     * The other order of events: the payment has locked the winner's session deposit, and not
     * yet committed, when the tick ends the auction. Settlement must wait for it and then see
     * the order paid, not freeze the deposit for an order that is being paid.
     */
    it('race 1, reversed: a payment holding the deposit while the auction ends leaves nothing frozen', async () => {
      const db = current().db;
      let lastClose!: Date;
      // The second lot was extended: the first one's order exists while the auction is live.
      const {
        buyer: winner,
        auction,
        order,
      } = await wonOrder(db, {
        now: T0,
        lots: [{}, {}],
        beforeOpening: (published) => {
          lastClose = at(published.endsAt, 10 * MINUTE);
          return db.update(lots).set({ endsAt: lastClose }).where(eq(lots.id, published.lotIds[1]!));
        },
      });

      let release!: () => void;
      const released = new Promise<void>((resolve) => (release = resolve));
      let paid!: () => void;
      const hasPaid = new Promise<void>((resolve) => (paid = resolve));
      const paying = db.transaction(async (tx) => {
        const applied = await markOrderPaid(tx, {
          orderId: order!.id,
          userId: winner.id,
          paidAt: at(auction.endsAt, MINUTE),
          now: at(auction.endsAt, MINUTE),
          rules: DEFAULT_RULES,
        });
        expect(applied).toBe(true);
        paid();
        await released;
      });
      await hasPaid;
      const settling = track(tick(db, lastClose));
      await waitUntil(
        async () => settling.done || (await lockWaiters(db)) >= 1,
        'the tick ends or waits for the deposit',
      );
      release();
      await Promise.all([paying, settling.promise]);
      const [deposit] = await db
        .select()
        .from(deposits)
        .where(and(eq(deposits.userId, winner.id), isNull(deposits.lotId)));
      expect(deposit).toMatchObject({ status: 'refunded', balance: 0, refundedAmount: yuan(1_000) });
    });
  });
});
