import { setup } from 'xstate';
import type { OrderStatus } from '@/db/schema/commerce';
import { applyEvent, catchUp, reached } from './lifecycle';

/**
 * 订单: pending_payment → paid → shipped → completed, or overdue at `dueAt` unpaid (the
 * 24-hour rule). A shipped order completes when the buyer confirms or, failing that, at
 * `autoCompleteAt`.
 */
export type OrderContext = {
  dueAt: Date;
  autoCompleteAt: Date | null;
};

export type OrderEvent =
  | { type: 'TICK'; now: Date }
  | { type: 'PAY'; now: Date }
  | { type: 'SHIP'; now: Date }
  | { type: 'CONFIRM'; now: Date };

const effect = () => {};

export const orderMachine = setup({
  types: { context: {} as OrderContext, events: {} as OrderEvent, input: {} as OrderContext },
  guards: {
    overdue: ({ context, event }) => reached(event.now, context.dueAt),
    autoComplete: ({ context, event }) => reached(event.now, context.autoCompleteAt),
  },
  actions: {
    /** Lot deposit refunded; a frozen session deposit refunded once nothing is left unpaid. */
    releaseDeposits: effect,
    /** Lot marked overdue, the covering deposit deducted, any remaining balance refunded. */
    forfeitDeposit: effect,
  },
}).createMachine({
  id: 'order',
  initial: 'pending_payment',
  context: ({ input }) => input,
  states: {
    // A payment the provider confirmed is honoured while the order is still unpaid in the
    // database; only new payments are refused after dueAt (by the payment verb).
    pending_payment: {
      on: {
        PAY: { target: 'paid', actions: 'releaseDeposits' },
        TICK: { guard: 'overdue', target: 'overdue', actions: 'forfeitDeposit' },
      },
    },
    paid: { on: { SHIP: 'shipped' } },
    shipped: { on: { CONFIRM: 'completed', TICK: { guard: 'autoComplete', target: 'completed' } } },
    completed: { type: 'final' },
    overdue: { type: 'final' },
    cancelled: { type: 'final' },
  },
});

export function nextOrderTransitionAt(status: OrderStatus, context: OrderContext): Date | null {
  if (status === 'pending_payment') return context.dueAt;
  if (status === 'shipped') return context.autoCompleteAt;
  return null;
}

export function effectiveOrderStatus(status: OrderStatus, context: OrderContext, now: Date): OrderStatus {
  return catchUp(orderMachine, status, context, now).status as OrderStatus;
}

export function orderEvent(status: OrderStatus, context: OrderContext, event: OrderEvent) {
  return applyEvent(orderMachine, status, context, event);
}
