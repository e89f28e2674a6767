/**
 * `npm run bench`: settlement of a big closing (1,000 lots, 100,000 bids, 5,000 deposits) in
 * one tick, and hot-lot bidding with 50 concurrent bidders. Each figure is printed with a
 * baseline measured in the same run on the same database, so ratios compare across machines:
 *  - settlement vs. touching the same rows once with plain set-based SQL;
 *  - bidding vs. the bare one-hot-row transaction (lock the lot, update it) at the same concurrency.
 * Runs on in-memory PGlite, and on Postgres too when DATABASE_URL is set.
 */
import { sql } from 'drizzle-orm';
import { openDatabase, type DatabaseHandle, type Driver } from '@/db/client';
import { migrateDatabase } from '@/db/migrate';
import { createScratchDatabase } from '@/db/scratch';
import { placeBid } from '@/lib/bidding/place-bid';
import { minimumBid, DEFAULT_LADDER } from '@/lib/bidding/ladder';
import { inAppNotifier } from '@/lib/outbox/in-app-notifier';
import { processOutbox } from '@/lib/outbox/drain';
import { runTick } from '@/lib/lifecycle/tick';
import { sandboxProvider } from '@/lib/payments/sandbox';
import { lots } from '@/db/schema';
import { eq } from 'drizzle-orm';

const LOTS = 1_000;
const BIDS_PER_LOT = 100;
const DEPOSITS_PER_LOT = 5;
const BIDDERS = 50;
const ATTEMPTS_PER_BIDDER = 15;
const T0 = new Date('2026-11-10T02:00:00Z');
const END = new Date(T0.getTime() + 3 * 3_600_000);

type Target = { driver: Driver; handle: DatabaseHandle; statements: () => number; drop: () => Promise<void> };

async function openTarget(driver: Driver): Promise<Target> {
  let count = 0;
  const onQuery = () => {
    count += 1;
  };
  if (driver === 'pglite') {
    const handle = openDatabase({ driver, dataDir: null, onQuery });
    await migrateDatabase(handle);
    return { driver, handle, statements: () => count, drop: () => handle.close() };
  }
  const scratch = await createScratchDatabase({ serverUrl: process.env.DATABASE_URL!, prefix: 'gavel_bench' });
  const handle = openDatabase({ driver: 'pg', url: scratch.url, maxConnections: BIDDERS + 5, onQuery });
  await migrateDatabase(handle);
  return {
    driver,
    handle,
    statements: () => count,
    drop: async () => {
      await handle.close();
      await scratch.drop();
    },
  };
}

async function time<T>(work: () => Promise<T>): Promise<[T, number]> {
  const started = performance.now();
  const result = await work();
  return [result, performance.now() - started];
}

const ms = (value: number) => `${value.toFixed(0)} ms`;
const percentile = (values: number[], p: number) =>
  [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor((values.length * p) / 100))]!;

/** 10 auctions of 100 lots, all closing at END, every lot with 100 bids and 5 lot deposits. */
async function seedClosing({ handle }: Target) {
  const db = handle.db;
  await db.execute(sql`insert into users (name, phone, email, password_hash, role)
    select 'bench ' || g, '139' || lpad(g::text, 8, '0'), 'bench' || g || '@gavel.test', 'x', 'buyer' from generate_series(1, ${BIDDERS}) g`);
  await db.execute(sql`insert into auctions (title, status, preview_starts_at, preview_ends_at, starts_at, ends_at, next_transition_at)
    select 'bench ' || g, 'live', ${T0.toISOString()}::timestamptz, ${T0.toISOString()}::timestamptz + interval '1 hour',
           ${T0.toISOString()}::timestamptz + interval '1 hour', ${END.toISOString()}::timestamptz, ${END.toISOString()}::timestamptz
    from generate_series(1, 10) g`);
  // Lot n's depositors are users n..n+4 (mod 50); bids cycle through them, the last one leads.
  await db.execute(sql`insert into lots (auction_id, position, title, status, start_price, deposit_amount, current_price, bid_count, leader_id, next_transition_at)
    select 1 + (g - 1) / 100, g, 'lot ' || g, 'live', 10000, 20000, 10000 + (${BIDS_PER_LOT} - 1) * 1000, ${BIDS_PER_LOT},
           1 + ((g + ${BIDS_PER_LOT} - 1) % ${DEPOSITS_PER_LOT} + g) % ${BIDDERS}, ${END.toISOString()}::timestamptz
    from generate_series(1, ${LOTS}) g`);
  await db.execute(sql`insert into bids (lot_id, user_id, amount, placed_at)
    select l, 1 + ((b % ${DEPOSITS_PER_LOT}) + l) % ${BIDDERS}, 10000 + b * 1000, ${T0.toISOString()}::timestamptz + interval '1 hour' + b * interval '1 second'
    from generate_series(1, ${LOTS}) l, generate_series(0, ${BIDS_PER_LOT} - 1) b`);
  await db.execute(sql`insert into deposits (user_id, auction_id, lot_id, kind, status, amount, balance, paid_at)
    select 1 + (d + l) % ${BIDDERS}, 1 + (l - 1) / 100, l, 'lot', 'held', 20000, 20000, ${T0.toISOString()}::timestamptz
    from generate_series(1, ${LOTS}) l, generate_series(0, ${DEPOSITS_PER_LOT} - 1) d`);
  await db.execute(sql`insert into payments (user_id, purpose, deposit_id, amount, provider, provider_ref, status, idempotency_key)
    select user_id, 'deposit', id, amount, 'sandbox', 'bench-' || id, 'succeeded', 'bench:' || id from deposits`);
  await db.execute(sql`insert into sandbox_transactions (kind, reference, idempotency_key, amount)
    select 'charge', provider_ref, idempotency_key, amount from payments`);
}

/** The floor: write every row the settlement writes, once, with plain set-based statements. */
async function baselineWrites({ handle }: Target) {
  await handle.db.transaction(async (tx) => {
    await tx.execute(sql`update lots set updated_at = updated_at`);
    await tx.execute(sql`update deposits set updated_at = updated_at`);
    await tx.execute(sql`insert into lifecycle_events (entity, entity_id, from_status, to_status, event, at)
      select 'lot', id, 'live', 'live', 'BASELINE', now() from lots`);
    await tx.execute(sql`delete from lifecycle_events where event = 'BASELINE'`);
  });
}

async function settlementBench(target: Target) {
  await seedClosing(target);
  const db = target.handle.db;
  const [, baseline] = await time(() => baselineWrites(target));
  const before = target.statements();
  const [summary, elapsed] = await time(() => runTick({ db, now: END, budgetMs: 600_000 }));
  const statements = target.statements() - before;
  const sandbox = sandboxProvider({ db, secret: 'bench-secret-0123456789' });
  const [sent, outboxMs] = await time(async () => {
    let total = 0;
    for (;;) {
      const result = await processOutbox({ db, now: END, providers: () => sandbox, notify: inAppNotifier(db) });
      total += result.sent;
      if (result.sent + result.failed === 0) return total;
    }
  });
  const counts = summary.transitions;
  console.log(`  settle ${LOTS} lots / ${LOTS * BIDS_PER_LOT} bids / ${LOTS * DEPOSITS_PER_LOT} deposits in one tick`);
  console.log(
    `    tick: ${ms(elapsed)} in ${summary.batches} batches, ${statements} SQL statements (plus BEGIN/COMMIT per batch); ${counts['lot:live→sold'] ?? 0} sold, ${counts['auction:live→ended'] ?? 0} auctions ended`,
  );
  console.log(
    `    baseline (same rows written once, plain SQL): ${ms(baseline)} → ratio ${(elapsed / baseline).toFixed(1)}×`,
  );
  console.log(
    `    outbox afterwards: ${sent} refunds and notices sent in ${ms(outboxMs)} (${((sent / outboxMs) * 1000).toFixed(0)}/s)`,
  );
}

async function biddingBench(target: Target) {
  const db = target.handle.db;
  const [lot] = await db
    .insert(lots)
    .values({
      auctionId: 1,
      title: 'hot lot',
      status: 'live',
      startPrice: 10_000,
      endsAt: new Date(END.getTime() + 86_400_000),
      nextTransitionAt: new Date(END.getTime() + 86_400_000),
    })
    .returning();
  await db.execute(
    sql`update auctions set status = 'live', ends_at = ${new Date(END.getTime() + 86_400_000).toISOString()}::timestamptz, anti_sniping_minutes = 0 where id = 1`,
  );
  await db.execute(
    sql`insert into deposits (user_id, auction_id, kind, status, amount, balance) select id, 1, 'session', 'held', 100000, 100000 from users`,
  );
  const now = new Date(END.getTime() + 60_000);
  const bidders = Array.from({ length: BIDDERS }, (_, i) => i + 1);

  // Baseline: the bare hot-row transaction at the same concurrency.
  const rawLatencies: number[] = [];
  const [, rawElapsed] = await time(() =>
    Promise.all(
      bidders.map(async () => {
        for (let i = 0; i < ATTEMPTS_PER_BIDDER; i++) {
          const [, took] = await time(() =>
            db.transaction(async (tx) => {
              await tx.execute(sql`select id from lots where id = ${lot!.id} for update`);
              await tx.execute(sql`update lots set updated_at = now() where id = ${lot!.id}`);
            }),
          );
          rawLatencies.push(took);
        }
      }),
    ),
  );

  const latencies: number[] = [];
  let accepted = 0;
  const [, elapsed] = await time(() =>
    Promise.all(
      bidders.map(async (userId) => {
        for (let i = 0; i < ATTEMPTS_PER_BIDDER; i++) {
          const [current] = await db.select().from(lots).where(eq(lots.id, lot!.id));
          if (current!.leaderId === userId) continue;
          const [ok, took] = await time(() =>
            placeBid({ db, userId, lotId: lot!.id, amount: minimumBid(current!, DEFAULT_LADDER), now })
              .then(() => true)
              .catch(() => false),
          );
          latencies.push(took);
          if (ok) accepted += 1;
        }
      }),
    ),
  );
  const rawRate = (rawLatencies.length / rawElapsed) * 1000;
  const rate = (latencies.length / elapsed) * 1000;
  console.log(`  hot lot, ${BIDDERS} concurrent bidders, ${latencies.length} attempts`);
  console.log(
    `    placeBid: ${rate.toFixed(0)} attempts/s, ${((accepted / elapsed) * 1000).toFixed(0)} accepted bids/s (${accepted} accepted), p50 ${ms(percentile(latencies, 50))}, p99 ${ms(percentile(latencies, 99))}`,
  );
  console.log(
    `    baseline (lock + update the row, same concurrency): ${rawRate.toFixed(0)} tx/s, p99 ${ms(percentile(rawLatencies, 99))} → ratio ${(rate / rawRate).toFixed(2)}× of baseline throughput`,
  );
}

async function main() {
  const drivers: Driver[] = process.env.DATABASE_URL ? ['pglite', 'pg'] : ['pglite'];
  for (const driver of drivers) {
    console.log(`\n${driver}`);
    const target = await openTarget(driver);
    try {
      await settlementBench(target);
      await biddingBench(target);
    } finally {
      await target.drop();
    }
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
