import { sql } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import type { OrderStatus } from '@/db/schema/commerce';
import { catchUp } from '@/machines/lifecycle';
import { nextOrderTransitionAt, orderMachine, type OrderContext } from '@/machines/order';
import { changesOf, deadlineOf, type BatchResult } from './batch';
import { applyOverdue } from './overdue';
import { recordChanges } from './events';
import type { LifecycleRules } from './rules';
import { toDate, toNullableDate, toNumber } from './rows';
import { instant, instantArray, intArray, textArray } from './sql-values';

export function orderContextOf(row: { dueAt: Date; shippedAt: Date | null }, rules: LifecycleRules): OrderContext {
  return { dueAt: row.dueAt, autoCompleteAt: row.shippedAt ? new Date(row.shippedAt.getTime() + rules.autoCompleteMs) : null };
}

/** Claims due orders: unpaid past dueAt go overdue (the 24-hour rule), shipped ones auto-complete. */
export async function advanceDueOrders(tx: Executor, { now, batchSize, afterId, rules }: { now: Date; batchSize: number; afterId: number; rules: LifecycleRules }): Promise<BatchResult> {
  const claimed = await tx.execute<Record<string, unknown>>(sql`
    select o.id, o.status, o.due_at, o.shipped_at from orders o
    where o.next_transition_at <= ${instant(now)} and o.id > ${afterId}
    order by o.id limit ${batchSize}
    for update of o skip locked`);
  if (claimed.rows.length === 0) return { claimed: 0, lastId: afterId, changes: [] };
  const moves = claimed.rows.map((row) => {
    const id = toNumber(row.id);
    const status = row.status as OrderStatus;
    const context = orderContextOf({ dueAt: toDate(row.due_at), shippedAt: toNullableDate(row.shipped_at) }, rules);
    const advance = catchUp(orderMachine, status, context, now);
    const to = advance.status as OrderStatus;
    return { id, status, to, steps: advance.steps, next: nextOrderTransitionAt(to, context), overdueAt: deadlineOf(advance.steps, 'overdue', (from: OrderStatus) => nextOrderTransitionAt(from, context)) };
  });
  await tx.execute(sql`
    update orders o set
      status = v.to_status::order_status,
      next_transition_at = v.next_at,
      overdue_at = coalesce(v.overdue_at, o.overdue_at),
      completed_at = case when v.to_status = 'completed' then ${instant(now)} else o.completed_at end,
      updated_at = ${instant(now)}
    from unnest(${intArray(moves.map((m) => m.id))}, ${textArray(moves.map((m) => m.status))},
                ${textArray(moves.map((m) => m.to))}, ${instantArray(moves.map((m) => m.next))},
                ${instantArray(moves.map((m) => m.overdueAt))}) as v(id, from_status, to_status, next_at, overdue_at)
    where o.id = v.id and o.status::text = v.from_status`);
  const changes = moves.flatMap((m) => changesOf(m.id, m.steps));
  await recordChanges(tx, 'order', changes, now);
  const overdue = moves.filter((m) => m.steps.some((step) => step.effects.includes('forfeitDeposit'))).map((m) => m.id);
  if (overdue.length > 0) await applyOverdue(tx, overdue, now, rules);
  return { claimed: moves.length, lastId: moves[moves.length - 1]!.id, changes };
}
