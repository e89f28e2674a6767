import { transition, type AnyStateMachine, type EventFromLogic, type SnapshotFrom } from 'xstate';

/**
 * Pure helpers shared by every lifecycle machine. A record's persisted status plus its
 * context is restored into a snapshot, an event is applied with XState's pure `transition`
 * (actions come back as data, nothing runs), and the engine applies the named effects.
 */

/** One applied transition; `effects` are the machine's action names, typed by each machine (AuctionEffect, …). */
export type Step<E extends string = string> = { from: string; to: string; event: string; effects: E[] };

export type Advance<E extends string = string> = {
  status: string;
  steps: Step<E>[];
};

/** Actions are data here (the engine applies them by name), so each does nothing when XState runs it. */
export const effect = () => {};

/** How many timed transitions one TICK may chain: scheduled → preview → live → closed. */
const MAX_CHAINED_TRANSITIONS = 8;

function snapshotOf<M extends AnyStateMachine>(machine: M, status: string, context: unknown): SnapshotFrom<M> {
  return machine.resolveState({ value: status, context } as Parameters<M['resolveState']>[0]) as SnapshotFrom<M>;
}

function valueOf(snapshot: unknown): string {
  return String((snapshot as { value: unknown }).value);
}

/**
 * Applies one event; null when the machine refuses it. A refused event returns the same
 * snapshot object and no actions (an accepted self-transition keeps the snapshot but
 * returns its actions).
 */
export function applyEvent<M extends AnyStateMachine, E extends string = string>(
  machine: M,
  status: string,
  context: unknown,
  event: EventFromLogic<M>,
): Step<E> | null {
  const before = snapshotOf(machine, status, context);
  const [after, actions] = transition(machine, before, event);
  const effects = actions.map((action) => action.type).filter((type) => !type.startsWith('xstate.'));
  if (after === before && effects.length === 0) return null;
  return { from: status, to: valueOf(after), event: event.type, effects: effects as E[] };
}

/**
 * Applies TICK at `now` as many times as it is accepted, so a record left untouched past
 * several deadlines catches up in one call. Self-transitions end the chain (the stored
 * context they would change is not re-read here); one with effects, such as the order's
 * pay-due reminder, is kept as the chain's last step so its effects are applied.
 */
export function catchUp<M extends AnyStateMachine, E extends string = string>(
  machine: M,
  status: string,
  context: unknown,
  now: Date,
): Advance<E> {
  const steps: Step<E>[] = [];
  let current = status;
  for (let i = 0; i < MAX_CHAINED_TRANSITIONS; i++) {
    const step = applyEvent<M, E>(machine, current, context, { type: 'TICK', now } as EventFromLogic<M>);
    if (!step) break;
    if (step.to === current) {
      if (step.effects.length > 0) steps.push(step);
      break;
    }
    steps.push(step);
    current = step.to;
  }
  return { status: current, steps };
}

export function isFinal(machine: AnyStateMachine, status: string): boolean {
  return machine.states[status]?.type === 'final';
}

/** Guards compare the event's `now` with a deadline in the context. */
export const reached = (now: Date, deadline: Date | null): boolean =>
  deadline !== null && now.getTime() >= deadline.getTime();
