import { and, gt, lte, sql } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { orders, type OrderStatus } from '@/db/schema';
import { deadlineOf } from '@/lib/engine/deadline';
import type { PassDefinition } from '@/lib/engine/pass';
import { insertNotifications } from '@/lib/sql/outbox-rows';
import { instant, intArray } from '@/lib/sql/values';
import {
  nextOrderTransitionAt,
  orderMachine,
  overdueDeadline,
  type OrderContext,
  type OrderEffect,
} from '@/machines/order';
import { applyOverdue } from './apply-overdue';
import { orderContextOf, orderMachineColumns } from './machine-context';

const reminds = (move: { steps: { effects: OrderEffect[] }[] }) =>
  move.steps.some((step) => step.effects.includes('remindPayment'));

/**
 * Orders: the pay-due reminder before dueAt; at dueAt an order with an open charge waits in
 * confirming_payment for the grace period, and an unpaid one then goes overdue (the 24-hour
 * rule); shipped ones auto-complete.
 */
export const advanceOrders: PassDefinition<OrderStatus, OrderContext, OrderEffect> = {
  entity: 'order',
  machine: orderMachine,
  table: { name: 'orders', statusType: 'order_status' },
  async claim(tx, { now, afterId, batchSize, rules }) {
    const rows = await tx
      .select({ id: orders.id, nextTransitionAt: orders.nextTransitionAt, ...orderMachineColumns })
      .from(orders)
      .where(and(lte(orders.nextTransitionAt, now), gt(orders.id, afterId)))
      .orderBy(orders.id)
      .limit(batchSize)
      .for('update', { skipLocked: true });
    return rows.map((row) => ({ ...row, context: orderContextOf(row, rules) }));
  },
  nextTransitionAt: (move) =>
    nextOrderTransitionAt(move.to, { ...move.context, reminded: move.context.reminded || reminds(move) }),
  // Overdue and completed at the deadline that made them so, not when a late tick noticed.
  columns: [
    { name: 'overdue_at', value: (move) => (move.to === 'overdue' ? overdueDeadline(move.steps, move.context) : null) },
    {
      name: 'completed_at',
      value: (move) =>
        deadlineOf(move.steps, 'completed', (from: OrderStatus) => nextOrderTransitionAt(from, move.context)),
    },
  ],
  assignments: () => sql`
    overdue_at = coalesce(v.overdue_at, t.overdue_at),
    completed_at = coalesce(v.completed_at, t.completed_at)`,
  effects: {
    remindPayment: (tx, moves, { now }) => remindPayment(tx, { orderIds: moves.map((move) => move.id), now }),
    forfeitDeposit: (tx, moves, { now, rules }) =>
      applyOverdue(tx, { orderIds: moves.map((move) => move.id), now, rules }),
  },
};

/** One 'payment_due_soon' notification per order, guarded on reminded_at so it is queued once. */
async function remindPayment(tx: Executor, { orderIds, now }: { orderIds: number[]; now: Date }) {
  await tx.execute(sql`
    with reminded as (
      update orders o set reminded_at = ${instant(now)}
      where o.id = any(${intArray(orderIds)}) and o.reminded_at is null and o.status = 'pending_payment'
        and o.due_at > ${instant(now)}
      returning o.id, o.user_id, o.order_no, o.due_at
    )
    ${insertNotifications({
      source: sql`reminded r`,
      userId: sql`r.user_id`,
      kind: 'payment_due_soon',
      data: sql`jsonb_build_object('orderId', r.id, 'orderNo', r.order_no, 'dueAt', r.due_at)`,
    })}`);
}
