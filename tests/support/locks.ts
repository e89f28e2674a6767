import { sql } from 'drizzle-orm';
import type { Database } from '@/db/client';

/** Sessions of this database waiting for a row or table lock right now (Postgres only). */
export async function lockWaiters(db: Database): Promise<number> {
  const result = await db.execute<{ n: number }>(sql`
    select count(*)::int as n from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock'`);
  return Number(result.rows[0]?.n ?? 0);
}

/** Polls until `condition` holds; fails after `limitMs` so a wrong guess never hangs a run. */
export async function waitUntil(condition: () => Promise<boolean>, what: string, limitMs = 15_000) {
  const started = Date.now();
  while (!(await condition())) {
    if (Date.now() - started > limitMs) throw new Error(`gave up waiting until ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/**
 * Holds a row lock on one deposit in a transaction of its own until released: other
 * transactions that need the row queue behind it, which forces an interleaving.
 */
export async function holdDepositLock(db: Database, depositId: number) {
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  let locked!: () => void;
  const isLocked = new Promise<void>((resolve) => (locked = resolve));
  const done = db.transaction(async (tx) => {
    await tx.execute(sql`select id from deposits where id = ${depositId} for update`);
    locked();
    await released;
  });
  await isLocked;
  return async () => {
    release();
    await done;
  };
}

/** Settles a promise into a flag the caller can poll, without awaiting it. */
export function track<T>(promise: Promise<T>) {
  const state = { done: false, promise };
  promise.then(
    () => (state.done = true),
    () => (state.done = true),
  );
  return state;
}
