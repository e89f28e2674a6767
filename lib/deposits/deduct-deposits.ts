import { sql } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { logChangedRows } from '@/lib/sql/lifecycle-events';
import { instant, intArray } from '@/lib/sql/values';
import { deduct } from './transitions';

/**
 * DEDUCT, the 24-hour rule, for orders that just went overdue: each order takes from the
 * deposit that covered it the lot's deposit amount (a lot deposit loses its whole balance),
 * never below zero. Several orders on one session deposit add up. A deposit left with nothing
 * is forfeited; otherwise it keeps its status with the smaller balance.
 */
export async function deductForOverdueOrders(
  tx: Executor,
  { orderIds, now }: { orderIds: readonly number[]; now: Date },
): Promise<number> {
  const result = await tx.execute<{ deposits: number }>(sql`
    with claims as (
      select o.deposit_id, sum(case when d.kind = 'lot' then d.balance else l.deposit_amount end) as amount
      from orders o join lots l on l.id = o.lot_id join deposits d on d.id = o.deposit_id
      where o.id = any(${intArray(orderIds)}) group by o.deposit_id
    ), target as (
      select d.id, d.status, d.balance, c.amount from deposits d join claims c on c.deposit_id = d.id
      where ${deduct.accepts} order by d.id for update of d
    ), changed as (
      update deposits d
      set balance = greatest(t.balance - t.amount, 0),
          forfeited_amount = d.forfeited_amount + least(t.balance, t.amount),
          status = ${deduct.to(sql`t.balance <= t.amount`)},
          updated_at = ${instant(now)}
      from target t where d.id = t.id and d.status = t.status
      returning d.id, t.status::text as from_status, d.status::text as to_status, least(t.balance, t.amount) as forfeited
    ), logged as (
      ${logChangedRows({ entity: 'deposit', event: 'DEDUCT', at: now, data: sql`jsonb_build_object('amount', c.forfeited)` })}
    )
    select count(*)::int as deposits from changed`);
  return result.rows[0]?.deposits ?? 0;
}
