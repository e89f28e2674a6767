import { sql } from 'drizzle-orm';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Database } from '@/db/client';
import { orders } from '@/db/schema';
import { placeBid } from '@/lib/bidding/place-bid';
import { seedBuyer } from '../support/factories';
import { at, DAY, HOUR, MINUTE, payDeposit, payOrder, publishedAuction, tick, yuan } from '../support/lifecycle';
import { databaseForEachTest, testDrivers } from '../support/test-database';
import { moneyConservationProblems } from '../support/money-invariants';

const T0 = new Date('2026-11-04T02:00:00Z');

const step = fc.oneof(
  fc.record({
    kind: fc.constant('bid' as const),
    buyer: fc.nat(3),
    lot: fc.nat(2),
    raise: fc.integer({ min: 0, max: 30 }),
  }),
  fc.record({ kind: fc.constant('jump' as const), ms: fc.integer({ min: 1, max: 30 * HOUR }) }),
  fc.record({ kind: fc.constant('tick' as const) }),
  fc.record({ kind: fc.constant('pay' as const), buyer: fc.nat(3) }),
);

const plan = fc.record({
  lots: fc.array(
    fc.record({
      reserve: fc.option(fc.integer({ min: 1, max: 20 }).map((n) => yuan(100 + n * 20))),
      deposit: fc.integer({ min: 1, max: 9 }).map((n) => yuan(n * 100)),
    }),
    { minLength: 1, maxLength: 3 },
  ),
  // Per buyer: a session deposit, or lot deposits on a subset of lots.
  cover: fc.array(fc.oneof(fc.constant('session' as const), fc.array(fc.nat(2), { minLength: 1, maxLength: 3 })), {
    minLength: 4,
    maxLength: 4,
  }),
  steps: fc.array(step, { maxLength: 14 }),
});

/** The invariants design.md promises at every moment, read straight from the tables. */
async function checkInvariants(db: Database) {
  const broken = await db.execute<{ problem: string; id: number }>(sql`
    ${moneyConservationProblems}
    union all
    select 'two orders for a lot', lot_id from orders group by lot_id having count(*) > 1
    union all
    select 'order without a sold lot', o.id from orders o join lots l on l.id = o.lot_id where l.status not in ('sold', 'paid', 'overdue')`);
  expect(broken.rows).toEqual([]);
}

describe.each(testDrivers())('money over random histories on %s', (driver) => {
  const current = databaseForEachTest(driver);

  it('conserves every deposit, never refunds twice, and closes every lot once ticked past its end', async () => {
    await fc.assert(
      fc.asyncProperty(plan, async ({ lots: lotPlans, cover, steps }) => {
        await current().reset();
        const db = current().db;
        const auction = await publishedAuction(db, T0, {
          lots: lotPlans.map((lot) => ({
            startPrice: yuan(100),
            reservePrice: lot.reserve,
            depositAmount: lot.deposit,
          })),
        });
        await tick(db, auction.previewStartsAt);
        const buyers = await Promise.all(cover.map(() => seedBuyer(db)));
        for (const [index, choice] of cover.entries()) {
          const lotIds =
            choice === 'session' ? [null] : [...new Set(choice.map((n) => auction.lotIds[n % auction.lotIds.length]!))];
          for (const lotId of lotIds)
            await payDeposit(db, {
              userId: buyers[index]!.id,
              auctionId: auction.auctionId,
              lotId,
              now: at(auction.previewStartsAt, MINUTE),
            });
        }
        let now = auction.startsAt;
        await tick(db, now);
        for (const action of steps) {
          if (action.kind === 'jump') now = at(now, action.ms);
          if (action.kind === 'tick') await tick(db, now);
          if (action.kind === 'bid') {
            const lotId = auction.lotIds[action.lot % auction.lotIds.length]!;
            await placeBid({
              db,
              userId: buyers[action.buyer]!.id,
              lotId,
              amount: yuan(100 + action.raise * 10),
              now,
            }).catch(() => null);
          }
          if (action.kind === 'pay') {
            const mine = await db
              .select()
              .from(orders)
              .where(sql`${orders.userId} = ${buyers[action.buyer]!.id} and ${orders.status} = 'pending_payment'`);
            for (const order of mine)
              await payOrder(db, { userId: order.userId, orderId: order.id, now }).catch(() => null);
          }
          await checkInvariants(db);
          if (action.kind === 'tick') {
            const open = await db.execute(sql`select l.id from lots l join auctions a on a.id = l.auction_id
              where l.status in ('preview', 'live') and coalesce(l.ends_at, a.ends_at) <= ${now.toISOString()}::timestamptz`);
            expect(open.rows).toEqual([]);
          }
        }
        // A month later everything has settled: no deposit is still held or frozen.
        await tick(db, at(now, 30 * DAY));
        await checkInvariants(db);
        const unsettled = await db.execute(sql`select id, status from deposits where status in ('held', 'frozen')`);
        expect(unsettled.rows).toEqual([]);
        const refunds = await db.execute<{ n: number }>(
          sql`select count(*)::int as n from refunds where status <> 'succeeded'`,
        );
        expect(refunds.rows[0]!.n).toBe(0);
      }),
      { numRuns: driver === 'pglite' ? 40 : 12 },
    );
  });
});
