import { sql } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { logChangedRows, type Change } from '@/lib/sql/lifecycle-events';
import { instant } from '@/lib/sql/values';
import { depositsWhere, stillOwed, type DepositSelection } from './selection';
import { freeze } from './transitions';

/**
 * FREEZE: of the selected deposits (locked by the caller), the ones whose owner still owes an
 * order stop being refundable until their orders are settled.
 */
export async function freezeOwedDeposits(
  tx: Executor,
  { selection, now }: { selection: DepositSelection; now: Date },
): Promise<Change[]> {
  const frozen = await tx.execute<{ id: number; from_status: string; to_status: string }>(sql`
    with target as (
      select d.id, d.status from deposits d
      where (${depositsWhere(selection)}) and ${freeze.accepts} and ${stillOwed}
    ), changed as (
      update deposits d set status = ${freeze.to}, updated_at = ${instant(now)}
      from target t where d.id = t.id and d.status = t.status
      returning d.id, t.status::text as from_status, d.status::text as to_status
    ), logged as (
      ${logChangedRows({ entity: 'deposit', event: 'FREEZE', at: now })}
    )
    select id, from_status, to_status from changed`);
  return frozen.rows.map((row) => ({ id: Number(row.id), from: row.from_status, to: row.to_status, event: 'FREEZE' }));
}
