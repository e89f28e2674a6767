import type { AnyStateMachine } from 'xstate';
import { describe, expect, it } from 'vitest';
import { applyEvent } from './lifecycle';
import { lotMachine, OPEN_LOT_STATUSES, SOLD_LOT_STATUSES } from './lot';
import { orderMachine, UNPAID_ORDER_STATUSES, type OrderContext } from './order';

/** Every state `from` can reach by any transition the machine defines, guards aside, itself included. */
function reachable(machine: AnyStateMachine, from: string): Set<string> {
  const seen = new Set([from]);
  const queue = [from];
  while (queue.length > 0) {
    const node = machine.states[queue.shift()!]!;
    for (const transitions of node.transitions.values()) {
      for (const transition of transitions) {
        for (const target of transition.target ?? []) {
          if (!seen.has(target.key)) {
            seen.add(target.key);
            queue.push(target.key);
          }
        }
      }
    }
  }
  return seen;
}

const states = (machine: AnyStateMachine) => Object.keys(machine.states);
const sorted = (values: Iterable<string>) => [...values].sort();

/** SQL and readers use these named sets; they must say what the machines say. */
describe('status sets named beside the machines', () => {
  it('open lots are exactly those that can still close', () => {
    const open = states(lotMachine).filter((state) => {
      const ahead = reachable(lotMachine, state);
      return ahead.has('unsold') && state !== 'unsold';
    });
    expect(sorted(OPEN_LOT_STATUSES)).toEqual(sorted(open));
  });

  it('sold lots are sold and whatever a sold lot becomes', () => {
    expect(sorted(SOLD_LOT_STATUSES)).toEqual(sorted(reachable(lotMachine, 'sold')));
  });

  it('unpaid orders are exactly the states that take a payment made in time', () => {
    const dueAt = new Date('2026-11-02T00:00:00Z');
    const context: OrderContext = { dueAt, autoCompleteAt: null, openCharge: false, graceMs: 300_000, reminded: false };
    const takesPay = states(orderMachine).filter(
      (state) => applyEvent(orderMachine, state, context, { type: 'PAY', now: dueAt, paidAt: dueAt }) !== null,
    );
    expect(sorted(UNPAID_ORDER_STATUSES)).toEqual(sorted(takesPay));
  });
});
