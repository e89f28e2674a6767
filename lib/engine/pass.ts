import type { ClosedCharge } from '@/lib/payments/close-open-charges';
import type { Change } from './events';

/**
 * What one claimed batch did: rows looked at, transitions applied, where the cursor is, and
 * the charges it gave up on, to be closed at their providers once the batch has committed.
 */
export type BatchResult = { claimed: number; lastId: number; changes: Change[]; closedCharges?: ClosedCharge[] };

/** Flattens a machine's chained steps into one change per applied transition. */
export function changesOf(id: number, steps: readonly { from: string; to: string; event: string }[]): Change[] {
  return steps.map((step) => ({ id, from: step.from, to: step.to, event: step.event }));
}

/**
 * The deadline that moved a row into `status` during a catch-up: the timed transition out of
 * the state it came from, not the (possibly late) moment the tick noticed. Null if the row
 * did not reach `status`.
 */
export function deadlineOf<S extends string>(
  steps: readonly { from: string; to: string }[],
  status: S,
  nextAt: (from: S) => Date | null,
): Date | null {
  const step = steps.find((candidate) => candidate.to === status);
  return step ? nextAt(step.from as S) : null;
}
