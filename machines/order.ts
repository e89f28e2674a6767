import { setup } from 'xstate';
import type { OrderStatus } from '@/db/schema/commerce';
import { applyEvent, catchUp, reached, effect } from './lifecycle';

/**
 * 订单: pending_payment → paid → shipped → completed, or overdue unpaid (the 24-hour rule).
 * A charge still open at the provider at `dueAt` holds the order in confirming_payment for
 * a grace period, so a payment the provider took in time but reported late still counts;
 * after that the 24-hour rule applies. The buyer is reminded once, `PAYMENT_REMINDER_LEAD_MS`
 * before `dueAt`. A shipped order completes when the buyer confirms or, failing that, at
 * `autoCompleteAt`.
 */
export type OrderContext = {
  dueAt: Date;
  autoCompleteAt: Date | null;
  /** A charge is open at the provider (started, neither confirmed nor failed nor cancelled). */
  openCharge: boolean;
  /** How long an order whose charge is open at `dueAt` waits for the provider's word. */
  graceMs: number;
  /** The pay-due reminder has been queued. */
  reminded: boolean;
};

export type OrderEvent =
  | { type: 'TICK'; now: Date }
  /** `paidAt` is the provider's time of payment, which decides whether it came in time. */
  | { type: 'PAY'; now: Date; paidAt: Date }
  | { type: 'SHIP'; now: Date }
  | { type: 'CONFIRM'; now: Date }
  /** An operator calls the sale off before the buyer paid; the buyer is not at fault. */
  | { type: 'CANCEL'; now: Date };

/** Orders still to be paid: the states that take PAY. */
export const UNPAID_ORDER_STATUSES: readonly OrderStatus[] = ['pending_payment', 'confirming_payment'];

/** The pay-due reminder goes out this long before `dueAt` (the message says "within 2 hours"). */
export const PAYMENT_REMINDER_LEAD_MS = 2 * 3_600_000;

export const reminderAt = (context: Pick<OrderContext, 'dueAt'>) =>
  new Date(context.dueAt.getTime() - PAYMENT_REMINDER_LEAD_MS);
export const graceEndsAt = (context: Pick<OrderContext, 'dueAt' | 'graceMs'>) =>
  new Date(context.dueAt.getTime() + context.graceMs);

/** What the engine does when a transition names it (see lib/engine/pass.ts). */
const orderEffects = {
  /** Lot deposit refunded; a frozen session deposit refunded once nothing is left unpaid. */
  releaseDeposits: effect,
  /** Lot marked overdue, the covering deposit deducted, any remaining balance refunded; open charge cancelled, coupon released. */
  forfeitDeposit: effect,
  /** Open charge cancelled, coupon released, the deposits answering for it released (no forfeit, no strike). */
  releaseCancelled: effect,
  /** One 'payment_due_soon' notification, and `reminded` set so it is never sent again. */
  remindPayment: effect,
};

export type OrderEffect = keyof typeof orderEffects;

export const orderMachine = setup({
  types: { context: {} as OrderContext, events: {} as OrderEvent, input: {} as OrderContext },
  guards: {
    paidInTime: ({ context, event }) => event.type === 'PAY' && event.paidAt.getTime() <= context.dueAt.getTime(),
    dueWithOpenCharge: ({ context, event }) => context.openCharge && reached(event.now, context.dueAt),
    overdue: ({ context, event }) => reached(event.now, context.dueAt),
    // Once dueAt has passed the 24-hour rule decides (confirming or overdue), not an operator.
    beforeDue: ({ context, event }) => !reached(event.now, context.dueAt),
    graceOver: ({ context, event }) => reached(event.now, graceEndsAt(context)),
    // Never after dueAt: a tick that comes late past it has nothing left to remind of.
    reminderDue: ({ context, event }) =>
      !context.reminded && reached(event.now, reminderAt(context)) && !reached(event.now, context.dueAt),
    autoComplete: ({ context, event }) => reached(event.now, context.autoCompleteAt),
  },
  actions: orderEffects,
}).createMachine({
  id: 'order',
  initial: 'pending_payment',
  context: ({ input }) => input,
  states: {
    pending_payment: {
      on: {
        PAY: { guard: 'paidInTime', target: 'paid', actions: 'releaseDeposits' },
        TICK: [
          { guard: 'dueWithOpenCharge', target: 'confirming_payment' },
          { guard: 'overdue', target: 'overdue', actions: 'forfeitDeposit' },
          // A self-transition: it ends a catch-up chain, which is right since nothing else is due before dueAt.
          { guard: 'reminderDue', actions: 'remindPayment' },
        ],
        CANCEL: { guard: 'beforeDue', target: 'cancelled', actions: 'releaseCancelled' },
      },
    },
    // Only a payment the provider took by dueAt is accepted here; new payments are refused
    // (by the payment verb) once the order is no longer pending_payment.
    confirming_payment: {
      on: {
        PAY: { guard: 'paidInTime', target: 'paid', actions: 'releaseDeposits' },
        TICK: { guard: 'graceOver', target: 'overdue', actions: 'forfeitDeposit' },
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
  if (status === 'pending_payment') return context.reminded ? context.dueAt : reminderAt(context);
  if (status === 'confirming_payment') return graceEndsAt(context);
  if (status === 'shipped') return context.autoCompleteAt;
  return null;
}

/**
 * The deadline that made an order overdue, whenever the tick noticed: the end of the grace
 * period when it went through confirming_payment, else `dueAt`.
 */
export function overdueDeadline(steps: readonly { from: string; to: string }[], context: OrderContext): Date {
  return steps.some((step) => step.from === 'confirming_payment' && step.to === 'overdue')
    ? graceEndsAt(context)
    : context.dueAt;
}

export function effectiveOrderStatus(status: OrderStatus, context: OrderContext, now: Date): OrderStatus {
  return catchUp(orderMachine, status, context, now).status as OrderStatus;
}

export function orderEvent(status: OrderStatus, context: OrderContext, event: OrderEvent) {
  return applyEvent<typeof orderMachine, OrderEffect>(orderMachine, status, context, event);
}
