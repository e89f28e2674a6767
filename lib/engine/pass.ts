import { sql, type SQL } from 'drizzle-orm';
import type { AnyStateMachine } from 'xstate';
import type { Executor } from '@/db/client';
import type { ClosedCharge } from '@/lib/payments/close-open-charges';
import { recordChanges, type Change, type Entity } from '@/lib/sql/lifecycle-events';
import { instant, instantArray, intArray, textArray } from '@/lib/sql/values';
import { catchUp, type Advance, type Step } from '@/machines/lifecycle';
import type { LifecycleRules } from './rules';

/** A due row as claimed: its stored status and next deadline, and its machine's context. */
export type Claimed<S extends string, C> = { id: number; status: S; nextTransitionAt: Date | null; context: C };

/** A claimed row after its machine caught up at `now`. */
export type Move<S extends string, C, E extends string> = Claimed<S, C> & {
  to: S;
  steps: Step<E>[];
  next: Date | null;
};

export type PassScope = { now: Date; rules: LifecycleRules };

/** What an effect leaves for after commit: charges given up on, to close at their providers. */
export type EffectResult = { closedCharges?: ClosedCharge[] } | void;

export type EffectHandler<S extends string, C, E extends string> = (
  tx: Executor,
  moves: Move<S, C, E>[],
  scope: PassScope,
) => Promise<EffectResult>;

/** A column the status update also writes, one value per moved row (instants only, so far). */
export type MoveColumn<S extends string, C, E extends string> = {
  name: string;
  value: (move: Move<S, C, E>) => Date | null;
};

/**
 * One lifecycle's part in the tick. The engine claims due rows, catches each machine up to
 * `now`, writes the rows whose status or deadline changed in one statement guarded on the
 * status it read, logs the transitions, then runs the effects the transitions named, each
 * once for all the rows that named it. `effects` is keyed by the machine's action names,
 * so an effect that names no action (a typo) does not compile.
 */
export type PassDefinition<S extends string, C, E extends string> = {
  entity: Entity;
  machine: AnyStateMachine;
  /** Due rows with id > afterId, in id order, locked FOR UPDATE SKIP LOCKED. */
  claim(tx: Executor, cursor: PassScope & { afterId: number; batchSize: number }): Promise<Claimed<S, C>[]>;
  nextTransitionAt(move: Omit<Move<S, C, E>, 'next'>): Date | null;
  /**
   * Optional: a key of everything the machine's TICK guards read at `now`; rows with equal
   * keys share one catch-up (the machine's answer depends on nothing else).
   */
  tickKey?(row: Claimed<S, C>, now: Date): string;
  table: { name: string; statusType: string };
  /** Extra values per row, readable as `v.<name>` in `assignments`. */
  columns?: MoveColumn<S, C, E>[];
  /** More SET clauses over `t` (the row) and `v` (the move). */
  assignments?: (now: Date) => SQL;
  effects: { [K in E]?: EffectHandler<S, C, E> };
};

export type BatchResult = { claimed: number; lastId: number; changes: Change[]; closedCharges: ClosedCharge[] };

/** Runs one claimed batch of `pass` in the caller's transaction. */
export async function runPass<S extends string, C, E extends string>(
  tx: Executor,
  pass: PassDefinition<S, C, E>,
  { now, rules, afterId, batchSize }: PassScope & { afterId: number; batchSize: number },
): Promise<BatchResult> {
  const claimed = await pass.claim(tx, { now, rules, afterId, batchSize });
  if (claimed.length === 0) return { claimed: 0, lastId: afterId, changes: [], closedCharges: [] };
  const answers = new Map<string, Advance<E>>();
  const advanceOf = (row: Claimed<S, C>) => {
    const key = pass.tickKey?.(row, now);
    const known = key === undefined ? undefined : answers.get(key);
    if (known) return known;
    const advance = catchUp<AnyStateMachine, E>(pass.machine, row.status, row.context, now);
    if (key !== undefined) answers.set(key, advance);
    return advance;
  };
  const moves = claimed.map((row): Move<S, C, E> => {
    const advance = advanceOf(row);
    const caughtUp = { ...row, to: advance.status as S, steps: advance.steps };
    return { ...caughtUp, next: pass.nextTransitionAt(caughtUp) };
  });
  // A row still waiting (an auction whose lots are closing) is left as it is: rewriting it
  // with the same values would only cost a write.
  const written = moves.filter((move) => move.to !== move.status || !sameInstant(move.next, move.nextTransitionAt));
  if (written.length > 0) await writeMoves(tx, pass, written, now);
  // A self-transition (the order's pay-due reminder) shows in its effects, not as a status change.
  const changes = written.flatMap((move) =>
    move.steps
      .filter((step) => step.from !== step.to)
      .map((step) => ({ id: move.id, from: step.from, to: step.to, event: step.event })),
  );
  await recordChanges(tx, pass.entity, changes, now);
  const closedCharges: ClosedCharge[] = [];
  for (const [effect, handler] of Object.entries(pass.effects) as [E, EffectHandler<S, C, E>][]) {
    const named = written.filter((move) => move.steps.some((step) => step.effects.includes(effect)));
    if (named.length === 0) continue;
    const result = await handler(tx, named, { now, rules });
    if (result?.closedCharges) closedCharges.push(...result.closedCharges);
  }
  return { claimed: claimed.length, lastId: claimed[claimed.length - 1]!.id, changes, closedCharges };
}

const sameInstant = (a: Date | null, b: Date | null) =>
  a === null || b === null ? a === b : a.getTime() === b.getTime();

async function writeMoves<S extends string, C, E extends string>(
  tx: Executor,
  pass: PassDefinition<S, C, E>,
  moves: Move<S, C, E>[],
  now: Date,
) {
  const columns = pass.columns ?? [];
  const arrays = [
    intArray(moves.map((move) => move.id)),
    textArray(moves.map((move) => move.status)),
    textArray(moves.map((move) => move.to)),
    instantArray(moves.map((move) => move.next)),
    ...columns.map((column) => instantArray(moves.map(column.value))),
  ];
  const names = ['id', 'from_status', 'to_status', 'next_at', ...columns.map((column) => column.name)];
  await tx.execute(sql`
    update ${sql.identifier(pass.table.name)} t set
      status = v.to_status::${sql.raw(pass.table.statusType)},
      next_transition_at = v.next_at,
      ${pass.assignments ? sql`${pass.assignments(now)},` : sql``}
      updated_at = ${instant(now)}
    from unnest(${sql.join(arrays, sql`, `)}) as v(${sql.raw(names.join(', '))})
    where t.id = v.id and t.status::text = v.from_status`);
}
