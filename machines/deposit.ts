import { setup } from 'xstate';
import type { DepositStatus } from '@/db/schema/commerce';
import { applyEvent, effect } from './lifecycle';

/**
 * 保证金: pending → held once paid; then refunded, or frozen (a session deposit whose owner
 * still owes an order when its auction has ended), deducted by the 24-hour rule (forfeited
 * when nothing is left), and any remaining balance refunded. No deadlines of its own:
 * auctions, lots and orders drive it, and the tick's sweep settles any deposit left held or
 * frozen without a reason.
 */
export type DepositContext = {
  balance: number;
  /** What a DEDUCT event would take: the lot's deposit amount, or the whole balance. */
  deduction: number;
};

export type DepositEvent = { type: 'PAY' } | { type: 'REFUND' } | { type: 'FREEZE' } | { type: 'DEDUCT' };

/** What the engine does when a transition names it (see lib/engine/pass.ts). */
const depositEffects = {
  /** A refund row for the remaining balance, sent to the original payment after commit. */
  refundBalance: effect,
  deductBalance: effect,
};

export type DepositEffect = keyof typeof depositEffects;

export const depositMachine = setup({
  types: { context: {} as DepositContext, events: {} as DepositEvent, input: {} as DepositContext },
  guards: {
    deductionTakesAll: ({ context }) => context.deduction >= context.balance,
  },
  actions: depositEffects,
}).createMachine({
  id: 'deposit',
  initial: 'pending',
  context: ({ input }) => input,
  states: {
    pending: { on: { PAY: 'held' } },
    held: {
      on: {
        REFUND: { target: 'refunded', actions: 'refundBalance' },
        FREEZE: 'frozen',
        DEDUCT: [
          { guard: 'deductionTakesAll', target: 'forfeited', actions: 'deductBalance' },
          { actions: 'deductBalance' },
        ],
      },
    },
    frozen: {
      on: {
        REFUND: { target: 'refunded', actions: 'refundBalance' },
        DEDUCT: [
          { guard: 'deductionTakesAll', target: 'forfeited', actions: 'deductBalance' },
          { actions: 'deductBalance' },
        ],
      },
    },
    refunded: { type: 'final' },
    forfeited: { type: 'final' },
  },
});

export function depositEvent(status: DepositStatus, context: DepositContext, event: DepositEvent) {
  return applyEvent<typeof depositMachine, DepositEffect>(depositMachine, status, context, event);
}
