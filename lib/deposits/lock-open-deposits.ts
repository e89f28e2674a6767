import { sql } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { depositsWhere, type DepositSelection } from './selection';
import { holdsMoney } from './transitions';

/**
 * Locks the selected deposits still holding money, in id order, and returns their ids.
 * Whoever decides a deposit's fate locks it here first and only then reads the orders, in a
 * later statement: under READ COMMITTED a statement sees what committed before it began, so
 * a transaction that changed an order (paid, overdue) and then waits for this lock is seen
 * by the next one to take it, and never decides on a stale picture.
 */
export async function lockOpenDeposits(tx: Executor, selection: DepositSelection): Promise<number[]> {
  const locked = await tx.execute<{ id: number }>(sql`
    select d.id from deposits d where (${depositsWhere(selection)}) and ${holdsMoney} order by d.id for update of d`);
  return locked.rows.map((row) => Number(row.id));
}
