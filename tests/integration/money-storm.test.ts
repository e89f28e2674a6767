import { eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import type { Database, Driver } from '@/db/client';
import { lots, orders } from '@/db/schema';
import { placeBid } from '@/lib/bidding/place-bid';
import { AppError, postgresErrorCode } from '@/lib/errors';
import { startDepositPayment } from '@/lib/payments/deposit-payment';
import { startOrderPayment } from '@/lib/payments/order-payment';
import { seedBuyer } from '../support/factories';
import {
  at,
  DAY,
  deliverWebhook,
  HOUR,
  MINUTE,
  payDeposit,
  publishedAuction,
  sandbox,
  testAddress,
  tick,
  yuan,
} from '../support/lifecycle';
import { databaseForEachTest, testDrivers } from '../support/test-database';
import { moneyConservationProblems } from '../support/money-invariants';

const T0 = new Date('2026-11-06T02:00:00Z');

/**
 * Rounds per driver. On Postgres every round fires its ticks, payments, deposit charges and
 * bids at once on the pool; PGlite has one connection, so there the same schedules run one
 * operation after another in random order. Fewer rounds where the driver is slow, so the
 * file stays near a minute; 60 rounds of the old settlement code left a session deposit
 * frozen with nothing to pay in 6 of them.
 */
const ROUNDS: Record<Driver, number> = { pg: 30, neon: 15, pglite: 4 };

/** A small deterministic generator, so a round's schedule can be replayed from its seed. */
function generator(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
  return {
    chance: (p: number) => next() < p,
    int: (n: number) => Math.floor(next() * n),
    pick: <T>(items: readonly T[]) => items[Math.floor(next() * items.length)]!,
  };
}

/** Rows of `problem, id` that break a rule; an empty result is a pass. */
async function problems(db: Database, query: ReturnType<typeof sql>): Promise<string[]> {
  const result = await db.execute<{ problem: string; id: number }>(query);
  return result.rows.map((row) => `${row.problem} #${row.id}`);
}

/** Its owner still has an unpaid order this deposit answers for (alias `d`). */
const owed = sql`exists (select 1 from orders o where o.user_id = d.user_id and o.auction_id = d.auction_id
  and (d.lot_id is null or o.lot_id = d.lot_id) and o.status in ('pending_payment', 'confirming_payment'))`;

/** Held or frozen money needs a reason: its auction or lot still open, or an unpaid order. */
const stuckDeposits = (statuses: string[]) => sql`
  select 'stuck ' || d.kind || ' deposit ' || d.status::text || ' in ' || a.status::text || ' auction' as problem, d.id
  from deposits d join auctions a on a.id = d.auction_id left join lots l on l.id = d.lot_id
  where d.status::text = any(${sql.param(`{${statuses.join(',')}}`)}::text[]) and not (
    (d.status = 'held' and d.lot_id is null and a.status in ('scheduled', 'preview', 'live'))
    or (d.status = 'held' and d.lot_id is not null and l.status in ('scheduled', 'preview', 'live'))
    or ${owed})
  union all
  select 'session deposit held, not frozen, in an ended auction', d.id from deposits d join auctions a on a.id = d.auction_id
  where 'held' = any(${sql.param(`{${statuses.join(',')}}`)}::text[]) and d.kind = 'session' and d.status = 'held' and a.status = 'ended'`;

const moneyRules = sql`
  ${moneyConservationProblems}
  union all
  select 'charge kept without effect', p.id from payments p
  where p.status = 'succeeded'
    and ((p.deposit_id is not null and (select d.status from deposits d where d.id = p.deposit_id) = 'pending')
      or (p.order_id is not null and (select o.status from orders o where o.id = p.order_id) not in ('paid', 'shipped', 'completed')))
    and (select coalesce(sum(r.amount), 0) from refunds r where r.payment_id = p.id) <> p.amount
  union all
  select 'forfeit without an overdue order', d.id from deposits d
  where d.forfeited_amount <> least(d.amount, coalesce((
    select sum(case when d.kind = 'lot' then d.amount else l.deposit_amount end)
    from orders o join lots l on l.id = o.lot_id where o.deposit_id = d.id and o.status = 'overdue'), 0))
  union all
  select 'strikes miscounted', u.id from users u
  where u.strikes <> (select count(*) from orders o where o.user_id = u.id and o.status = 'overdue')`;

const providerRules = sql`
  select 'refund not booked by the provider' as problem, r.id from refunds r
  where r.status <> 'succeeded' or not exists (
    select 1 from sandbox_transactions s where s.kind = 'refund' and s.idempotency_key = r.idempotency_key and s.amount = r.amount)
  union all
  select 'provider refund without a refund row', s.id from sandbox_transactions s
  where s.kind = 'refund' and not exists (select 1 from refunds r where r.idempotency_key = s.idempotency_key)
  union all
  select 'outbox row left', x.id::int from outbox x where x.status <> 'done'`;

const onceRules = sql`
  select 'repeated ' || entity::text || ' transition to ' || to_status as problem, entity_id as id from lifecycle_events
  where event <> 'DEDUCT' group by entity, entity_id, to_status having count(*) > 1
  union all
  select 'order notices', o.id from orders o
  where (select count(*) from outbox x where x.payload->>'kind' = 'order_created' and (x.payload->'data'->>'orderId')::int = o.id) <> 1
    or (select count(*) from outbox x where x.payload->>'kind' = 'order_overdue' and (x.payload->'data'->>'orderId')::int = o.id) <> (o.status = 'overdue')::int
  union all
  select 'orders per lot', lot_id from orders group by lot_id having count(*) > 1`;

type Op = { name: string; run: () => Promise<unknown> };

/**
 * One random schedule: an auction whose lots close a few minutes apart, buyers covered by
 * session or lot deposits, bids, and then everything that can happen around the close at
 * once: ticks at the close and at the 24-hour deadline, order payments confirmed through the
 * signed webhook, a deposit charge confirmed as the auction ends, late bids.
 */
async function prepareRound(db: Database, seed: number): Promise<{ storm: Op[]; after: Date }> {
  const rand = generator(seed);
  const lotCount = 2 + rand.int(2);
  const auction = await publishedAuction(db, T0, {
    lots: Array.from({ length: lotCount }, () => ({ depositAmount: yuan(200) })),
  });
  const closes = auction.lotIds.map((_, index) => at(auction.endsAt, index === 0 ? 0 : rand.int(4) * 5 * MINUTE));
  for (const [index, lotId] of auction.lotIds.entries())
    await db.update(lots).set({ endsAt: closes[index]! }).where(eq(lots.id, lotId));
  const firstClose = new Date(Math.min(...closes.map(Number)));
  const lastClose = new Date(Math.max(...closes.map(Number)));
  await tick(db, auction.startsAt);

  const buyers = await Promise.all(Array.from({ length: 4 }, () => seedBuyer(db)));
  const covered = new Map<number, number[]>();
  for (const buyer of buyers) {
    const lotIds = rand.chance(0.6) ? auction.lotIds : auction.lotIds.filter(() => rand.chance(0.6));
    if (lotIds === auction.lotIds)
      await payDeposit(db, { userId: buyer.id, auctionId: auction.auctionId, now: auction.startsAt });
    else
      for (const lotId of lotIds)
        await payDeposit(db, { userId: buyer.id, auctionId: auction.auctionId, lotId, now: auction.startsAt });
    covered.set(buyer.id, lotIds);
  }
  const price = new Map<number, number>();
  for (let bid = 0; bid < 2 + rand.int(5); bid++) {
    const buyer = rand.pick(buyers);
    const lotId = rand.pick(covered.get(buyer.id)!.length > 0 ? covered.get(buyer.id)! : auction.lotIds);
    const amount = (price.get(lotId) ?? 0) + yuan(100);
    await placeBid({ db, userId: buyer.id, lotId, amount, now: at(auction.startsAt, (bid + 1) * MINUTE) }).then(
      () => price.set(lotId, amount),
      () => undefined,
    );
  }
  // A buyer starts paying a deposit they do not hold yet; the provider confirms it in the storm.
  const late = rand.pick(buyers);
  const lateLot = rand.chance(0.5) ? null : rand.pick(auction.lotIds);
  const lateCharge = await startDepositPayment({
    db,
    provider: sandbox(db),
    userId: late.id,
    auctionId: auction.auctionId,
    lotId: lateLot,
    now: at(auction.startsAt, HOUR / 2),
  }).catch(() => null);

  // Either the first lots closed on time and their orders are being paid as the rest close,
  // or nothing ticked for a day and a half and everything lands at once.
  const downtime = rand.chance(0.4);
  const charges: number[] = [];
  if (!downtime && firstClose < lastClose) {
    await tick(db, firstClose);
    for (const order of await db.select().from(orders).where(eq(orders.auctionId, auction.auctionId))) {
      if (!rand.chance(0.8)) continue;
      const started = await startOrderPayment({
        db,
        provider: sandbox(db),
        userId: order.userId,
        orderId: order.id,
        address: testAddress,
        userCouponId: null,
        now: at(firstClose, MINUTE),
      });
      if (!started.paid) charges.push(started.paymentId);
    }
  }
  const tickTimes = [
    lastClose,
    at(lastClose, MINUTE),
    at(firstClose, DAY),
    at(firstClose, DAY + HOUR),
    at(lastClose, DAY),
    at(lastClose, DAY + 12 * HOUR),
  ];
  const storm: Op[] = [];
  for (let i = 0; i < 3 + rand.int(4); i++) {
    const now = downtime ? rand.pick(tickTimes.slice(2)) : rand.pick(tickTimes);
    storm.push({ name: `tick ${now.toISOString()}`, run: () => tick(db, now) });
  }
  for (const paymentId of charges) {
    const succeeded = rand.chance(0.85);
    const now = rand.chance(0.7) ? lastClose : at(firstClose, DAY - MINUTE);
    storm.push({
      name: `order charge ${succeeded ? 'paid' : 'failed'}`,
      run: () => deliverWebhook(db, paymentId, now, succeeded),
    });
  }
  if (lateCharge)
    storm.push({ name: 'late deposit charge', run: () => deliverWebhook(db, lateCharge.paymentId, lastClose) });
  for (let i = 0; i < rand.int(3); i++) {
    const buyer = rand.pick(buyers);
    const lotId = rand.pick(auction.lotIds);
    storm.push({
      name: 'late bid',
      run: () =>
        placeBid({
          db,
          userId: buyer.id,
          lotId,
          amount: (price.get(lotId) ?? 0) + yuan(200),
          now: at(lastClose, -MINUTE),
        }),
    });
  }
  return { storm, after: at(lastClose, 2 * DAY) };
}

describe.each(testDrivers())('money storm on %s', (driver) => {
  const current = databaseForEachTest(driver);
  const concurrent = driver !== 'pglite';

  it(
    `${ROUNDS[driver]} random schedules of ticks, payments, deposit charges, overdue deadlines and bids leave no money stuck`,
    { timeout: 180_000 },
    async () => {
      const base = Math.floor(Math.random() * 1e9);
      // Keyed by the problem itself: rounds share the database, so a stuck row stays visible.
      const found = new Map<string, string>();
      const report = (round: number, seed: number, problem: string) => {
        if (!found.has(problem)) found.set(problem, `round ${round} (seed ${seed}): ${problem}`);
      };
      const repaired: Record<string, number> = {};
      const refused: Record<string, number> = {};
      for (let round = 0; round < ROUNDS[driver]; round++) {
        // Rounds share one database (each its own auction): the checks read every round so far.
        const db = current().db;
        const seed = base + round;
        const { storm, after } = await prepareRound(db, seed);
        const rand = generator(seed ^ 0x5bd1e995);
        const outcomes = concurrent
          ? await Promise.allSettled(storm.map((op) => op.run()))
          : await (async () => {
              const shuffled = [...storm].sort(() => (rand.chance(0.5) ? 1 : -1));
              const settled: PromiseSettledResult<unknown>[] = [];
              for (const op of shuffled)
                settled.push(
                  await op.run().then(
                    (value) => ({ status: 'fulfilled' as const, value }),
                    (reason: unknown) => ({ status: 'rejected' as const, reason }),
                  ),
                );
              return settled;
            })();
        for (const outcome of outcomes) {
          if (outcome.status === 'fulfilled') continue;
          // A late bid may be refused with a domain error; nothing may fail otherwise.
          if (!(outcome.reason instanceof AppError))
            report(round, seed, `${String(outcome.reason)} [${postgresErrorCode(outcome.reason) ?? 'no sqlstate'}]`);
          const code = outcome.reason instanceof AppError ? outcome.reason.code : 'error';
          refused[code] = (refused[code] ?? 0) + 1;
        }
        // Races 1 and 2: no session deposit is left frozen with nothing to pay, even before
        // any later tick could sweep it.
        for (const problem of await problems(db, stuckDeposits(['frozen'])))
          report(round, seed, `after the storm: ${problem}`);
        // The next tick settles whatever else the storm left (a deposit charge confirmed into
        // an auction that had just ended): level-triggered, whatever the interleaving.
        const next = await tick(db, at(after, -DAY));
        for (const [key, count] of Object.entries(next.transitions))
          if (key.startsWith('deposit:')) repaired[key] = (repaired[key] ?? 0) + count;
        for (const problem of await problems(db, stuckDeposits(['held', 'frozen'])))
          report(round, seed, `after a tick: ${problem}`);
        // Once every deadline has passed, every deposit is settled and every refund booked once.
        await tick(db, after);
        const left = await db.execute<{ id: number }>(sql`select id from deposits where status in ('held', 'frozen')`);
        for (const { id } of left.rows) report(round, seed, `deposit still holding money at the end #${id}`);
        for (const query of [moneyRules, providerRules, onceRules])
          for (const problem of await problems(db, query)) report(round, seed, problem);
      }
      console.log(
        `money storm on ${driver}: ${ROUNDS[driver]} rounds (${concurrent ? 'concurrent' : 'sequential'}, seeds ${base}…${base + ROUNDS[driver] - 1}); ` +
          `swept by the next tick: ${JSON.stringify(repaired)}; refused operations: ${JSON.stringify(refused)}; problems: ${found.size === 0 ? 'none' : [...found.values()].join('; ')}`,
      );
      expect([...found.values()]).toEqual([]);
    },
  );
});
