import { sql, type SQL } from 'drizzle-orm';
import type { AnyStateMachine, EventFromLogic } from 'xstate';
import { applyEvent } from '@/machines/lifecycle';

/** from status → to status, for every state that accepts the event (a self-transition maps to itself). */
export type Transitions = ReadonlyMap<string, string>;

/**
 * Where `event` takes each state of `machine` under `context`, asked of the machine itself
 * once per state. Set-based statements are built from this, so a status changed in SQL
 * changes exactly as the machine says and a state the machine refuses is left alone.
 */
export function transitionsOf<M extends AnyStateMachine>(
  machine: M,
  event: EventFromLogic<M>,
  context: unknown,
): Transitions {
  const targets = new Map<string, string>();
  for (const state of Object.keys(machine.states)) {
    const step = applyEvent(machine, state, context, event);
    if (step) targets.set(state, step.to);
  }
  if (targets.size === 0) throw new Error(`no state of ${machine.id} accepts ${event.type}`);
  return targets;
}

const literal = (status: string) => {
  if (!/^[a-z_]+$/.test(status)) throw new Error(`not a status name: ${status}`);
  return sql.raw(`'${status}'`);
};

/** `column` is one of `statuses` (a machine's named set, such as OPEN_LOT_STATUSES). */
export function statusIn(column: SQL, statuses: readonly string[]): SQL {
  return sql`${column}::text in (${sql.join(statuses.map(literal), sql`, `)})`;
}

/** `column` is in a state that accepts the transitions. */
export function acceptsSql(column: SQL, transitions: Transitions): SQL {
  return sql`${column}::text in (${sql.join([...transitions.keys()].map(literal), sql`, `)})`;
}

/** The status `column` moves to, cast to the column's enum; rows in other states keep theirs. */
export function targetSql(column: SQL, transitions: Transitions, enumType: string): SQL {
  const cases = [...transitions].map(([from, to]) => sql`when ${literal(from)} then ${literal(to)}`);
  return sql`(case ${column}::text ${sql.join(cases, sql` `)} else ${column}::text end)::${sql.raw(enumType)}`;
}
