import { eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import type { Database } from '@/db/client';
import { outbox, refunds, sandboxTransactions } from '@/db/schema';
import { placeBid } from '@/lib/bidding/place-bid';
import { LEASE_MS, processOutbox } from '@/lib/outbox/drain';
import { inAppNotifier } from '@/lib/outbox/in-app-notifier';
import { runTick } from '@/lib/engine/tick';
import type { PaymentProvider } from '@/lib/payments/provider';
import { at, MINUTE, publishedAuction, sandbox, tick, yuan } from '../support/lifecycle';
import { databaseForEachTest, testDrivers } from '../support/test-database';

const T0 = new Date('2026-11-07T02:00:00Z');
const BIDDERS = 321;

/**
 * A lot with `BIDDERS` paid lot deposits (seeded set-based, with their sandbox charges) and
 * one bid: when it closes, every other deposit is refunded in one settlement.
 */
async function crowdedLot(db: Database) {
  const auction = await publishedAuction(db, T0, { lots: [{ depositAmount: yuan(200) }] });
  const lotId = auction.lotIds[0]!;
  await tick(db, auction.startsAt);
  await db.execute(sql`
    with buyers as (
      insert into users (name, phone, password_hash, role)
      select '买家' || g, '137' || lpad(g::text, 8, '0'), 'not-a-real-hash', 'buyer' from generate_series(1, ${BIDDERS}) g
      returning id
    ), held as (
      insert into deposits (user_id, auction_id, lot_id, kind, status, amount, balance, paid_at)
      select id, ${auction.auctionId}, ${lotId}, 'lot', 'held', ${yuan(200)}, ${yuan(200)}, ${auction.startsAt.toISOString()}::timestamptz from buyers
      returning id, user_id
    ), charged as (
      insert into sandbox_transactions (kind, reference, idempotency_key, amount, settled_at)
      select 'charge', 'sbx_ch_crowd_' || id, 'deposit:' || id || ':1', ${yuan(200)}, now() from held returning id
    )
    insert into payments (user_id, purpose, deposit_id, amount, provider, provider_ref, status, idempotency_key, succeeded_at)
    select user_id, 'deposit', id, ${yuan(200)}, 'sandbox', 'sbx_ch_crowd_' || id, 'succeeded', 'deposit:' || id || ':1', now() from held`);
  const [first] = await db
    .execute<{ user_id: number }>(sql`select user_id from deposits order by id limit 1`)
    .then((r) => r.rows);
  await placeBid({ db, userId: Number(first!.user_id), lotId, amount: yuan(100), now: at(auction.startsAt, MINUTE) });
  return auction;
}

/** The sandbox, counting refund calls per idempotency key and the most ever in flight at once. */
function countingSandbox(db: Database) {
  const inner = sandbox(db);
  const calls = new Map<string, number>();
  let inFlight = 0;
  let maxInFlight = 0;
  const provider: PaymentProvider = {
    ...inner,
    name: inner.name,
    async refund(request) {
      calls.set(request.idempotencyKey, (calls.get(request.idempotencyKey) ?? 0) + 1);
      inFlight += 1;
      maxInFlight = Math.max(maxInFlight, inFlight);
      try {
        return await inner.refund(request);
      } finally {
        inFlight -= 1;
      }
    },
  };
  return { provider, calls, maxInFlight: () => maxInFlight };
}

describe.each(testDrivers())('outbox on %s', (driver) => {
  const current = databaseForEachTest(driver);

  it('a catch-up of 320 refunds reaches the provider within the tick that decided them', async () => {
    const db = current().db;
    const auction = await crowdedLot(db);
    const summary = await tick(db, auction.endsAt);
    expect(await db.$count(refunds)).toBe(BIDDERS - 1);
    expect(await db.$count(sandboxTransactions, eq(sandboxTransactions.kind, 'refund'))).toBe(BIDDERS - 1);
    expect(await db.$count(outbox, eq(outbox.status, 'pending'))).toBe(0);
    // Every refund, its refund-made notice, and the winner's order notice.
    expect(summary.outbox).toEqual({ sent: 2 * (BIDDERS - 1) + 1, failed: 0 });
  });

  it('two overlapping ticks send each refund once, with at most OUTBOX_CONCURRENCY sends in flight', async () => {
    const db = current().db;
    const auction = await crowdedLot(db);
    // Settled without an outbox: the refunds wait, as after a crash between commit and send.
    await runTick({ db, now: auction.endsAt });
    const counting = countingSandbox(db);
    const options = { db, outbox: { providers: () => counting.provider, notify: inAppNotifier(db), concurrency: 4 } };
    await Promise.all([
      runTick({ ...options, now: at(auction.endsAt, MINUTE) }),
      runTick({ ...options, now: at(auction.endsAt, MINUTE) }),
    ]);
    expect(counting.calls.size).toBe(BIDDERS - 1);
    expect([...counting.calls.values()].every((n) => n === 1)).toBe(true);
    expect(await db.$count(sandboxTransactions, eq(sandboxTransactions.kind, 'refund'))).toBe(BIDDERS - 1);
    expect(await db.$count(refunds, eq(refunds.status, 'succeeded'))).toBe(BIDDERS - 1);
    expect(counting.maxInFlight()).toBeGreaterThan(1);
    // Two ticks, each with at most four sends in flight.
    expect(counting.maxInFlight()).toBeLessThanOrEqual(2 * 4);
  });

  it('a crash after the provider booked a batch but before it was marked done: resent once, booked once', async () => {
    const db = current().db;
    const auction = await crowdedLot(db);
    await runTick({ db, now: auction.endsAt });
    const counting = countingSandbox(db);
    // The drain's own statements start failing once every refund has reached the provider, as
    // if the process died there; the provider keeps its own (working) connection.
    let crashed = false;
    const dying = new Proxy(db, {
      get(target, property) {
        if (crashed && property === 'execute') return () => Promise.reject(new Error('process died'));
        const value = Reflect.get(target, property);
        return typeof value === 'function' ? value.bind(target) : value;
      },
    });
    const provider: PaymentProvider = {
      ...counting.provider,
      async refund(request) {
        const booked = await counting.provider.refund(request);
        if (counting.calls.size === BIDDERS - 1) crashed = true;
        return booked;
      },
    };
    const notify = inAppNotifier(db);
    const drain = (now: Date, providers: () => PaymentProvider, into: Database) =>
      processOutbox({ db: into, now, providers, notify, outOfTime: () => false });
    await expect(drain(at(auction.endsAt, MINUTE), () => provider, dying)).rejects.toThrow('process died');
    expect(counting.calls.size).toBe(BIDDERS - 1);
    const unmarked = BIDDERS - 1 - (await db.$count(refunds, eq(refunds.status, 'succeeded')));
    expect(unmarked).toBeGreaterThan(0);

    // Within the lease nobody takes the rows again (only notices queued before the crash go
    // out); after it the next drain resends them with the same keys.
    const leaseEnd = at(auction.endsAt, MINUTE + LEASE_MS);
    expect((await drain(at(auction.endsAt, 2 * MINUTE - 1), () => counting.provider, db)).failed).toBe(0);
    expect([...counting.calls.values()].every((n) => n === 1)).toBe(true);
    await drain(at(leaseEnd, MINUTE), () => counting.provider, db);
    expect([...counting.calls.values()].filter((n) => n === 2)).toHaveLength(unmarked);
    expect([...counting.calls.values()].every((n) => n <= 2)).toBe(true);
    expect(await db.$count(sandboxTransactions, eq(sandboxTransactions.kind, 'refund'))).toBe(BIDDERS - 1);
    expect(await db.$count(refunds, eq(refunds.status, 'succeeded'))).toBe(BIDDERS - 1);
    expect(await db.$count(outbox, eq(outbox.status, 'pending'))).toBe(0);
  });

  it('a refund the provider refuses waits with its error, backed off, and goes out on a later drain', async () => {
    const db = current().db;
    const auction = await crowdedLot(db);
    await runTick({ db, now: auction.endsAt });
    const [refused] = await db.select().from(refunds).orderBy(refunds.id).limit(1);
    const inner = sandbox(db);
    const flaky: PaymentProvider = {
      ...inner,
      name: inner.name,
      refund: async (request) => {
        if (request.idempotencyKey === refused!.idempotencyKey) throw new Error('provider unavailable');
        return inner.refund(request);
      },
    };
    const notify = inAppNotifier(db);
    const first = at(auction.endsAt, MINUTE);
    // Every other refund with its refund-made notice, and the winner's order notice.
    expect(await processOutbox({ db, now: first, providers: () => flaky, notify, outOfTime: () => false })).toEqual({
      sent: 2 * (BIDDERS - 2) + 1,
      failed: 1,
    });
    const [waiting] = await db.select().from(outbox).where(eq(outbox.refundId, refused!.id));
    expect(waiting).toMatchObject({ status: 'pending', attempts: 1, lastError: 'provider unavailable' });
    expect(waiting!.lockedUntil!.getTime()).toBe(first.getTime() + 2 * 30_000);
    expect(await db.select().from(refunds).where(eq(refunds.id, refused!.id))).toMatchObject([
      { status: 'pending', attempts: 1, lastError: 'provider unavailable' },
    ]);

    const later = at(first, 2 * MINUTE);
    // The refund, and its notice in the same drain.
    expect(await processOutbox({ db, now: later, providers: () => inner, notify, outOfTime: () => false })).toEqual({
      sent: 2,
      failed: 0,
    });
    expect(await db.select().from(refunds).where(eq(refunds.id, refused!.id))).toMatchObject([
      { status: 'succeeded', attempts: 2, lastError: null },
    ]);
    expect(await db.$count(sandboxTransactions, eq(sandboxTransactions.kind, 'refund'))).toBe(BIDDERS - 1);
  });
});
