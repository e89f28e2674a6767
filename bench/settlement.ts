import { sql } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { createScratchDatabase, type ScratchDatabase } from '@/db/scratch';
import { runTick } from '@/lib/engine/tick';
import { settleByHand } from './baseline';
import { CLOSING_END, describeClosing, seedClosing, type ClosingSize } from './closing';
import { differences, endState } from './end-state';
import { freshDatabase, median, ms, openTarget, time, type Target } from './server';

/**
 * A seeded closing, kept as a template: every measurement runs on its own copy, so the
 * tick and the baseline start from byte-identical data with identical planner statistics.
 */
export type ClosingTemplate = { size: ClosingSize; analyzed: boolean; database: ScratchDatabase; server: string };

export async function closingTemplate(server: string, size: ClosingSize, analyzed: boolean): Promise<ClosingTemplate> {
  const database = await freshDatabase(server);
  const target = await openTarget(database);
  try {
    const db = target.handle.db;
    // Autovacuum would analyze the fresh tables behind the bench's back (or not, by timing).
    const tables = await db.execute<{ tablename: string }>(
      sql`select tablename from pg_tables where schemaname = 'public'`,
    );
    for (const { tablename } of tables.rows)
      await db.execute(sql.raw(`alter table "${tablename}" set (autovacuum_enabled = false)`));
    await seedClosing(db, size);
    if (analyzed) await db.execute(sql`analyze`);
  } catch (error) {
    await target.close();
    await database.drop();
    throw error;
  }
  await target.close();
  return { size, analyzed, database, server };
}

/** Runs `work` on a fresh copy of the template, dropped afterwards. */
export async function onCopy<T>(template: ClosingTemplate, work: (target: Target) => Promise<T>): Promise<T> {
  const copy = await createScratchDatabase({
    serverUrl: template.server,
    prefix: 'gavel_bench',
    template: template.database.name,
  });
  const target = await openTarget(copy);
  try {
    // The pool's first connection is opened here, outside any timing.
    await target.handle.db.execute(sql`select 1`);
    return await work(target);
  } finally {
    await target.close();
    await copy.drop();
  }
}

const tick = (db: Database) => runTick({ db, now: CLOSING_END, budgetMs: 600_000 });

/** Fails loudly unless the tick and the hand-written baseline leave the same end state. */
export async function checkSameEndState(template: ClosingTemplate) {
  const engine = await onCopy(template, async ({ handle }) => {
    const summary = await tick(handle.db);
    if (!summary.transitions['lot:live→sold']) throw new Error('the tick sold nothing: the bench seed is wrong');
    return endState(handle.db);
  });
  const baseline = await onCopy(template, async ({ handle }) => {
    await settleByHand(handle.db, CLOSING_END);
    return endState(handle.db);
  });
  const differ = differences(engine, baseline);
  if (differ.length > 0)
    throw new Error(
      `the baseline does not do what the tick does, so their times cannot be compared:\n  ${differ.join('\n  ')}`,
    );
}

export type SettlementTiming = {
  tickMs: number;
  baselineMs: number;
  ratio: number;
  /** Statements the tick sent (BEGIN and COMMIT included: drizzle sends them as statements). */
  roundTrips: number;
  transactions: number;
};

/** Median of `repeats` runs of each side, alternating, each on a fresh copy. */
export async function timeSettlement(template: ClosingTemplate, repeats: number): Promise<SettlementTiming> {
  const ticks: number[] = [];
  const baselines: number[] = [];
  let roundTrips = 0;
  let transactions = 0;
  for (let i = 0; i < repeats; i++) {
    await onCopy(template, async ({ handle, statements }) => {
      const before = statements();
      const [summary, took] = await time(() => tick(handle.db));
      ticks.push(took);
      roundTrips = statements() - before;
      transactions = summary.batches;
    });
    await onCopy(template, async ({ handle }) => {
      const [, took] = await time(() => settleByHand(handle.db, CLOSING_END));
      baselines.push(took);
    });
  }
  const tickMs = median(ticks);
  const baselineMs = median(baselines);
  return { tickMs, baselineMs, ratio: tickMs / baselineMs, roundTrips, transactions };
}

/** Statements a tick sends when nothing is due: right after the closing has been settled. */
export async function idleTickQueries(template: ClosingTemplate): Promise<number> {
  return onCopy(template, async ({ handle, statements }) => {
    await tick(handle.db);
    const before = statements();
    const summary = await tick(handle.db);
    if (Object.keys(summary.transitions).length > 0) throw new Error('the second tick was not idle');
    return statements() - before;
  });
}

export function reportSettlement(label: string, size: ClosingSize, timing: SettlementTiming) {
  console.log(`  ${label}: settle ${describeClosing(size)} in one tick`);
  console.log(
    `    tick ${ms(timing.tickMs)} (${timing.roundTrips} statements incl. BEGIN/COMMIT, ${timing.transactions} transactions) vs baseline ${ms(timing.baselineMs)} → ${timing.ratio.toFixed(2)}×`,
  );
}
