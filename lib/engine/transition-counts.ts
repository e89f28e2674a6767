import type { Change, Entity } from '@/lib/sql/lifecycle-events';

/** Counts of applied transitions keyed "entity:from→to", as the tick reports them. */
export type TransitionCounts = Record<string, number>;

export function countChanges(into: TransitionCounts, entity: Entity, changes: readonly Change[]) {
  for (const change of changes) {
    const key = `${entity}:${change.from}→${change.to}`;
    into[key] = (into[key] ?? 0) + 1;
  }
}
