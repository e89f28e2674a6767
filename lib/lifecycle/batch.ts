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
