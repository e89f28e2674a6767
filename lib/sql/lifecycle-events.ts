import { sql } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { intArray, instant, textArray } from './sql-values';

export type Entity = 'auction' | 'lot' | 'order' | 'deposit';

export type Change = { id: number; from: string; to: string; event: string };

/** Appends one lifecycle event per change, in one statement, inside the caller's transaction. */
export async function recordChanges(
  tx: Executor,
  entity: Entity,
  changes: readonly Change[],
  now: Date,
  actorId: number | null = null,
) {
  if (changes.length === 0) return;
  await tx.execute(sql`
    insert into lifecycle_events (entity, entity_id, from_status, to_status, event, actor_id, at)
    select ${entity}::lifecycle_entity, v.id, v.from_status, v.to_status, v.event, ${actorId}::int, ${instant(now)}
    from unnest(${intArray(changes.map((c) => c.id))}, ${textArray(changes.map((c) => c.from))},
                ${textArray(changes.map((c) => c.to))}, ${textArray(changes.map((c) => c.event))})
      as v(id, from_status, to_status, event)`);
}

/** Counts of applied transitions keyed "entity:from→to", as the tick reports them. */
export type TransitionCounts = Record<string, number>;

export function countChanges(into: TransitionCounts, entity: Entity, changes: readonly Change[]) {
  for (const change of changes) {
    const key = `${entity}:${change.from}→${change.to}`;
    into[key] = (into[key] ?? 0) + 1;
  }
}
