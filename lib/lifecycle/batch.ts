import type { Change } from './events';

/** What one claimed batch did: rows looked at, transitions applied, where the cursor is. */
export type BatchResult = { claimed: number; lastId: number; changes: Change[] };

/** Flattens a machine's chained steps into one change per applied transition. */
export function changesOf(id: number, steps: readonly { from: string; to: string; event: string }[]): Change[] {
  return steps.map((step) => ({ id, from: step.from, to: step.to, event: step.event }));
}
