import { sql } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import type { BatchResult } from './batch';
import { depositStillOwed, refundDeposits, settleSessionDeposits } from './deposit-money';
import { intArray } from './sql-values';

const closedLot = sql`l.status in ('sold', 'unsold', 'paid', 'overdue', 'cancelled')`;

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
  const claimed = await tx.execute<{ id: number }>(sql`
    select d.id from deposits d
    join auctions a on a.id = d.auction_id
    left join lots l on l.id = d.lot_id
    where d.status in ('held', 'frozen') and d.id > ${afterId}
      and (a.status = 'cancelled'
        or (d.lot_id is null and a.status = 'ended' and (d.status = 'held' or not ${depositStillOwed}))
        or (d.lot_id is not null and ${closedLot} and not ${depositStillOwed}))
    order by d.id limit ${batchSize}
    for update of d skip locked`);
  if (claimed.rows.length === 0) return { claimed: 0, lastId: afterId, changes: [] };
  const ids = claimed.rows.map((row) => Number(row.id));
  const mine = sql`d.id = any(${intArray(ids)})`;
  const changes = [
    ...(await refundDeposits(
      tx,
      sql`${mine} and exists (select 1 from auctions a where a.id = d.auction_id and a.status = 'cancelled')`,
      'auction_cancelled',
      now,
    )),
    ...(await settleSessionDeposits(tx, mine, 'orders_settled', now)),
    ...(await refundDeposits(
      tx,
      sql`${mine} and exists (select 1 from lots l where l.id = d.lot_id and ${closedLot}) and not ${depositStillOwed}`,
      'lot_lost',
      now,
    )),
  ];
  return { claimed: ids.length, lastId: ids[ids.length - 1]!, changes };
}
