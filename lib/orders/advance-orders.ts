import { sql } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import type { OrderStatus } from '@/db/schema/commerce';
import { catchUp } from '@/machines/lifecycle';
import { nextOrderTransitionAt, orderMachine, overdueDeadline, type OrderContext } from '@/machines/order';
import { changesOf, type BatchResult } from './batch';
import { applyOverdue } from './overdue';
import { recordChanges } from './events';
import type { LifecycleRules } from './rules';
import { toDate, toNullableDate, toNumber } from './rows';
import { instant, instantArray, intArray, textArray } from './sql-values';

/**
 * Whether the order has a charge still open at its provider; select it with the order for its
 * machine. Named by the orders table's alias in the query, since drizzle leaves a column
 * unqualified in a one-table select, where it would bind to the subquery's payments.
 */
export const openChargeOf = (ordersAlias: 'o' | 'orders') =>
  sql<boolean>`exists (select 1 from payments p where p.order_id = ${sql.raw(ordersAlias)}.id and p.status = 'pending')`;

export type OrderMachineRow = { dueAt: Date; shippedAt: Date | null; remindedAt: Date | null; openCharge: boolean };

/** An order's machine context, for the tick and every reader alike. */
export function orderContextOf(row: OrderMachineRow, rules: LifecycleRules): OrderContext {
  return {
    dueAt: row.dueAt,
    autoCompleteAt: row.shippedAt ? new Date(row.shippedAt.getTime() + rules.autoCompleteMs) : null,
    openCharge: row.openCharge,
    graceMs: rules.paymentGraceMs,
    reminded: row.remindedAt !== null,
  };
}

/**
 * Claims due orders: the pay-due reminder before dueAt; at dueAt an order with an open
 * charge waits in confirming_payment for the grace period, and an unpaid one then goes
 * overdue (the 24-hour rule); shipped ones auto-complete.
 */
export async function advanceDueOrders(
  tx: Executor,
  { now, batchSize, afterId, rules }: { now: Date; batchSize: number; afterId: number; rules: LifecycleRules },
): Promise<BatchResult> {
  const claimed = await tx.execute<Record<string, unknown>>(sql`
    select o.id, o.status, o.due_at, o.shipped_at, o.reminded_at, ${openChargeOf('o')} as open_charge from orders o
    where o.next_transition_at <= ${instant(now)} and o.id > ${afterId}
    order by o.id limit ${batchSize}
    for update of o skip locked`);
  if (claimed.rows.length === 0) return { claimed: 0, lastId: afterId, changes: [] };
  const moves = claimed.rows.map((row) => {
    const id = toNumber(row.id);
    const status = row.status as OrderStatus;
    const context = orderContextOf(
      {
        dueAt: toDate(row.due_at),
        shippedAt: toNullableDate(row.shipped_at),
        remindedAt: toNullableDate(row.reminded_at),
        openCharge: row.open_charge === true,
      },
      rules,
    );
    const advance = catchUp(orderMachine, status, context, now);
    const to = advance.status as OrderStatus;
    const reminds = advance.steps.some((step) => step.effects.includes('remindPayment'));
    const next = nextOrderTransitionAt(to, { ...context, reminded: context.reminded || reminds });
    return { id, status, to, steps: advance.steps, next, reminds, overdueAt: overdueDeadline(advance.steps, context) };
  });
  await tx.execute(sql`
    update orders o set
      status = v.to_status::order_status,
      next_transition_at = v.next_at,
      overdue_at = case when v.to_status = 'overdue' then v.overdue_at else o.overdue_at end,
      completed_at = case when v.to_status = 'completed' then ${instant(now)} else o.completed_at end,
      updated_at = ${instant(now)}
    from unnest(${intArray(moves.map((m) => m.id))}, ${textArray(moves.map((m) => m.status))},
                ${textArray(moves.map((m) => m.to))}, ${instantArray(moves.map((m) => m.next))},
                ${instantArray(moves.map((m) => m.overdueAt))}) as v(id, from_status, to_status, next_at, overdue_at)
    where o.id = v.id and o.status::text = v.from_status`);
  // The reminder is a self-transition: it is recorded by reminded_at and its notification, not as a status change.
  const changes = moves.flatMap((m) =>
    changesOf(
      m.id,
      m.steps.filter((step) => step.from !== step.to),
    ),
  );
  await recordChanges(tx, 'order', changes, now);
  const reminded = moves.filter((m) => m.reminds).map((m) => m.id);
  if (reminded.length > 0) await remindPayment(tx, reminded, now);
  const overdue = moves.filter((m) => m.steps.some((step) => step.effects.includes('forfeitDeposit'))).map((m) => m.id);
  const closedCharges = overdue.length > 0 ? await applyOverdue(tx, overdue, now, rules) : [];
  return { claimed: moves.length, lastId: moves[moves.length - 1]!.id, changes, closedCharges };
}

/** One 'payment_due_soon' notification per order, guarded on reminded_at so it is queued once. */
async function remindPayment(tx: Executor, orderIds: readonly number[], now: Date) {
  await tx.execute(sql`
    with reminded as (
      update orders o set reminded_at = ${instant(now)}
      where o.id = any(${intArray(orderIds)}) and o.reminded_at is null and o.status = 'pending_payment' and o.due_at > ${instant(now)}
      returning o.id, o.user_id, o.order_no, o.due_at
    )
    insert into outbox (kind, payload)
    select 'notification', jsonb_build_object(
      'userId', r.user_id, 'kind', 'payment_due_soon', 'data', jsonb_build_object('orderId', r.id, 'orderNo', r.order_no, 'dueAt', r.due_at))
    from reminded r`);
}
