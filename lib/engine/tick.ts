import 'server-only';
import type { Database, Executor } from '@/db/client';
import { advanceAuctions } from '@/lib/auctions/advance-auctions';
import { sweepDeposits } from '@/lib/deposits/sweep-deposits';
import { advanceLots } from '@/lib/lots/advance-lots';
import { advanceOrders } from '@/lib/orders/advance-orders';
import { processOutbox, type Notifier, type OutboxResult } from '@/lib/outbox/drain';
import { cancelChargesAtProviders } from '@/lib/payments/close-open-charges';
import type { ProviderRegistry } from '@/lib/payments/provider';
import type { Entity } from '@/lib/sql/lifecycle-events';
import { withRetry } from '@/lib/sql/retry';
import { dueWork, type DueWork } from './due-work';
import { runPass, type BatchResult, type PassScope } from './pass';
import { DEFAULT_RULES, type LifecycleRules } from './rules';
import { countChanges, type TransitionCounts } from './transition-counts';

/**
 * Rows claimed per transaction. A 1,000-lot closing settles in one transaction per pass; one
 * transaction still holds its row locks for well under a second.
 */
export const TICK_BATCH_SIZE = 1_000;

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

type Pass = {
  entity: Entity;
  due: (work: DueWork) => number;
  run: (tx: Executor, cursor: PassScope & { afterId: number; batchSize: number }) => Promise<BatchResult>;
};

/** Lots first: lots closing in a round let their auction end in the same round. */
const passes: Pass[] = [
  { entity: 'lot', due: (work) => work.lots, run: (tx, cursor) => runPass(tx, advanceLots, cursor) },
  { entity: 'auction', due: (work) => work.auctions, run: (tx, cursor) => runPass(tx, advanceAuctions, cursor) },
  { entity: 'order', due: (work) => work.orders, run: (tx, cursor) => runPass(tx, advanceOrders, cursor) },
  // The sweep has no count, only whether anything is left to sweep.
  { entity: 'deposit', due: (work) => (work.deposits ? Infinity : 0), run: sweepDeposits },
];

/**
 * Advances every auction, lot and order whose deadline has passed, as far as each machine
 * goes at `now` (a month without ticks catches up in one call), then sweeps deposits that
 * still hold money without a reason. Each batch is one transaction; rows another tick holds
 * are skipped, and every status update is guarded on the status it changes, so ticks may
 * overlap freely. Rounds repeat while they change something. A tick with nothing due costs
 * one query.
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
  let due = await dueWork(db, now);
  while (passes.some((pass) => pass.due(due) > 0) && !outOfTime()) {
    let changed = false;
    for (const pass of passes) {
      let left = pass.due(due);
      let afterId = 0;
      while (left > 0 && !outOfTime()) {
        const result = await withRetry(() => db.transaction((tx) => pass.run(tx, { now, rules, batchSize, afterId })));
        if (outbox && result.closedCharges.length > 0) {
          await cancelChargesAtProviders(outbox.providers, result.closedCharges);
        }
        batches += 1;
        countChanges(transitions, pass.entity, result.changes);
        changed ||= result.changes.length > 0;
        if (result.claimed < batchSize) break;
        left -= result.claimed;
        afterId = result.lastId;
      }
    }
    due = await dueWork(db, now);
    if (!changed) break;
  }
  // Refunds decided above leave now, not a minute later: the outbox drains for the rest of the budget.
  const sent = outbox && due.outbox ? await processOutbox({ db, now, ...outbox, outOfTime }) : { sent: 0, failed: 0 };
  return {
    transitions,
    batches,
    remaining: { auctions: due.auctions, lots: due.lots, orders: due.orders },
    outbox: sent,
    durationMs: Math.round(performance.now() - started),
  };
}
