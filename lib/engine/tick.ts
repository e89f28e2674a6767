import { sql } from 'drizzle-orm';
import type { Database, Executor } from '@/db/client';
import { cancelChargesAtProviders } from '@/lib/payments/close-open-charges';
import type { ProviderRegistry } from '@/lib/payments/provider';
import { advanceDueAuctions } from './advance-auctions';
import { advanceDueLots } from './advance-lots';
import { advanceDueOrders } from './advance-orders';
import { sweepDeposits } from './sweep-deposits';
import type { BatchResult } from './batch';
import { countChanges, type Entity, type TransitionCounts } from './events';
import { processOutbox, type Notifier, type OutboxResult } from '@/lib/outbox/drain';
import { DEFAULT_RULES, type LifecycleRules } from './rules';
import { withRetry } from './retry';
import { instant } from './sql-values';

/**
 * Rows claimed per transaction. Big enough that settling a 1,000-lot auction takes a handful
 * of transactions, small enough that one transaction holds its row locks for well under a
 * second and a batch of orders' deposit updates stays cheap.
 */
export const TICK_BATCH_SIZE = 250;

export type TickOptions = {
  db: Database;
  now: Date;
  /** Stop starting new batches after this long; what is left waits for the next tick. */
  budgetMs?: number;
  batchSize?: number;
  rules?: LifecycleRules;
  /**
   * Where refunds go after commit; without it the outbox waits for a tick that has one.
   * `concurrency` bounds the sends in flight (OUTBOX_CONCURRENCY).
   */
  outbox?: { providers: ProviderRegistry; notify: Notifier; concurrency?: number };
};

export type TickSummary = {
  transitions: TransitionCounts;
  batches: number;
  /** Rows still due when the tick stopped (budget spent, or held by another tick). */
  remaining: { auctions: number; lots: number; orders: number };
  outbox: OutboxResult;
  durationMs: number;
};

type Pass = (
  tx: Executor,
  cursor: { now: Date; batchSize: number; afterId: number; rules: LifecycleRules },
) => Promise<BatchResult>;

const passes: [Entity, Pass][] = [
  ['auction', advanceDueAuctions],
  ['lot', advanceDueLots],
  ['order', advanceDueOrders],
  ['deposit', sweepDeposits],
];

/**
 * Advances every auction, lot and order whose deadline has passed, as far as each machine
 * goes at `now` (a month without ticks catches up in one call), then sweeps deposits that
 * still hold money without a reason. Each batch is one
 * transaction; rows another tick holds are skipped, and every status update is guarded on
 * the status it changes, so ticks may overlap freely. Rounds repeat while they change
 * something: lots closing in one round let their auction end in the next.
 */
export async function runTick({
  db,
  now,
  budgetMs = 20_000,
  batchSize = TICK_BATCH_SIZE,
  rules = DEFAULT_RULES,
  outbox,
}: TickOptions): Promise<TickSummary> {
  const started = performance.now();
  const outOfTime = () => performance.now() - started > budgetMs;
  const transitions: TransitionCounts = {};
  let batches = 0;
  let changedThisRound = true;
  while (changedThisRound && !outOfTime()) {
    changedThisRound = false;
    for (const [entity, pass] of passes) {
      let afterId = 0;
      for (;;) {
        if (outOfTime()) break;
        const result = await withRetry(() => db.transaction((tx) => pass(tx, { now, batchSize, afterId, rules })));
        if (outbox && result.closedCharges?.length)
          await cancelChargesAtProviders(outbox.providers, result.closedCharges);
        batches += 1;
        countChanges(transitions, entity, result.changes);
        if (result.changes.length > 0) changedThisRound = true;
        if (result.claimed < batchSize) break;
        afterId = result.lastId;
      }
    }
  }
  await purgeExpiredCounters(db, now);
  // Refunds decided above leave now, not a minute later: the outbox drains for the rest of the budget.
  const sent = outbox ? await processOutbox({ db, now, ...outbox, outOfTime }) : { sent: 0, failed: 0 };
  return {
    transitions,
    batches,
    remaining: await countDue(db, now),
    outbox: sent,
    durationMs: Math.round(performance.now() - started),
  };
}

async function countDue(db: Database, now: Date) {
  const result = await db.execute<{ auctions: number; lots: number; orders: number }>(sql`
    select (select count(*) from auctions where next_transition_at <= ${instant(now)})::int as auctions,
           (select count(*) from lots where next_transition_at <= ${instant(now)})::int as lots,
           (select count(*) from orders where next_transition_at <= ${instant(now)})::int as orders`);
  return result.rows[0] ?? { auctions: 0, lots: 0, orders: 0 };
}

/** Sign-in failures and rate-limit windows older than a day matter to nobody. */
async function purgeExpiredCounters(db: Database, now: Date) {
  const dayAgo = instant(new Date(now.getTime() - 86_400_000));
  await db.execute(sql`delete from login_attempts where attempted_at < ${dayAgo}`);
  await db.execute(sql`delete from rate_limits where window_started_at < ${dayAgo}`);
}
