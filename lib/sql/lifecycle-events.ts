import { sql, type SQL } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { instant, intArray, textArray } from './values';

export type Entity = 'auction' | 'lot' | 'order' | 'deposit';

export type Change = { id: number; from: string; to: string; event: string };

export type EventRows = {
  entity: Entity;
  /** A FROM clause naming the rows that changed, e.g. sql`changed c`. */
  source: SQL;
  id: SQL;
  from: SQL;
  to: SQL;
  event: SQL;
  at: Date;
  /** Null when the system (the tick) made the change. */
  actorId?: number | null;
  data?: SQL;
};

/**
 * The one way lifecycle_events are written: an INSERT … SELECT over rows another statement
 * changed, so a set-based change logs itself inside the same statement (as a CTE) or right
 * after it, in the caller's transaction.
 */
export function insertLifecycleEvents({
  entity,
  source,
  id,
  from,
  to,
  event,
  at,
  actorId = null,
  data,
}: EventRows): SQL {
  return sql`insert into lifecycle_events (entity, entity_id, from_status, to_status, event, actor_id, at, data)
    select ${entity}::lifecycle_entity, ${id}, ${from}, ${to}, ${event}, ${actorId}::int, ${instant(at)},
           ${data ?? sql`'{}'::jsonb`}
    from ${source}`;
}

/**
 * Logs every row of the statement's `changed` CTE, the convention of each set-based move:
 * it returns the row's `id`, `from_status` and `to_status`.
 */
export function logChangedRows({
  entity,
  event,
  at,
  actorId,
  data,
}: Pick<EventRows, 'entity' | 'at' | 'actorId' | 'data'> & { event: string }): SQL {
  return insertLifecycleEvents({
    entity,
    source: sql`changed c`,
    id: sql`c.id`,
    from: sql`c.from_status`,
    to: sql`c.to_status`,
    event: sql`${event}::text`,
    at,
    actorId,
    data,
  });
}

/** Appends one lifecycle event per change decided in Node, in one statement. */
export async function recordChanges(
  tx: Executor,
  entity: Entity,
  changes: readonly Change[],
  now: Date,
  actorId: number | null = null,
) {
  if (changes.length === 0) return;
  await tx.execute(
    insertLifecycleEvents({
      entity,
      source: sql`unnest(${intArray(changes.map((c) => c.id))}, ${textArray(changes.map((c) => c.from))},
                         ${textArray(changes.map((c) => c.to))}, ${textArray(changes.map((c) => c.event))})
                  as v(id, from_status, to_status, event)`,
      id: sql`v.id`,
      from: sql`v.from_status`,
      to: sql`v.to_status`,
      event: sql`v.event`,
      at: now,
      actorId,
    }),
  );
}
