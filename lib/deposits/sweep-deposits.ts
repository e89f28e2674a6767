import { sql } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import type { BatchResult } from '@/lib/engine/pass';
import { statusIn } from '@/lib/sql/machine-status';
import { OPEN_LOT_STATUSES } from '@/machines/lot';
import { refundDeposits } from './refund-deposits';
import { stillOwed } from './selection';
import { settleSessionDeposits } from './settle-session-deposits';
import { holdsMoney } from './transitions';

const closedLot = sql`not ${statusIn(sql`l.status`, OPEN_LOT_STATUSES)}`;

/** Deposits still holding money without a reason, and why they may go: the condition the sweep claims by. */
export const sweepableDeposit = sql`${holdsMoney} and (a.status = 'cancelled'
  or (d.lot_id is null and a.status = 'ended' and (d.status = 'held' or not ${stillOwed}))
  or (d.lot_id is not null and ${closedLot} and not ${stillOwed}))`;

/** The tables `sweepableDeposit` reads, joined to deposits `d`. */
export const sweepableFrom = sql`deposits d join auctions a on a.id = d.auction_id left join lots l on l.id = d.lot_id`;

/**
 * The level-triggered half of settlement. Auctions, lots and orders settle their deposits
 * as they move; this pass looks at every deposit still holding money (deposits_open_idx)
 * and settles any whose reason to hold it is gone, whatever interleaving left it there: a
 * session deposit of an ended auction whose owner has nothing left to pay (or that is
 * still held), a lot deposit of a closed lot not answering for an unpaid order, anything in
 * a cancelled auction. Claimed with SKIP LOCKED, decided again under the lock.
 */
export async function sweepDeposits(
  tx: Executor,
  { now, batchSize, afterId }: { now: Date; batchSize: number; afterId: number },
): Promise<BatchResult> {
  const claimed = await tx.execute<{ id: number; why: 'cancelled' | 'session' | 'lot' }>(sql`
    select d.id, case when a.status = 'cancelled' then 'cancelled' when d.lot_id is null then 'session' else 'lot' end as why
    from ${sweepableFrom}
    where ${sweepableDeposit} and d.id > ${afterId}
    order by d.id limit ${batchSize}
    for update of d skip locked`);
  const empty = { claimed: 0, lastId: afterId, changes: [], closedCharges: [] };
  if (claimed.rows.length === 0) return empty;
  const ids = (why: string) => claimed.rows.filter((row) => row.why === why).map((row) => Number(row.id));
  const cancelled = ids('cancelled');
  const sessions = ids('session');
  const lots = ids('lot');
  const changes = [
    ...(cancelled.length > 0
      ? await refundDeposits(tx, { selection: { depositIds: cancelled }, reason: 'auction_cancelled', now })
      : []),
    ...(sessions.length > 0
      ? await settleSessionDeposits(tx, { selection: { depositIds: sessions }, reason: 'orders_settled', now })
      : []),
    ...(lots.length > 0
      ? await refundDeposits(tx, { selection: { depositIds: lots }, reason: 'lot_lost', now, unlessOwed: true })
      : []),
  ];
  const lastId = Number(claimed.rows[claimed.rows.length - 1]!.id);
  return { claimed: claimed.rows.length, lastId, changes, closedCharges: [] };
}
