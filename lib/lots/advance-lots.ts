import { sql } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { catchUp } from '@/machines/lifecycle';
import { lotMachine, nextLotTransitionAt, type LotContext } from '@/machines/lot';
import type { LotStatus } from '@/db/schema/auctions';
import { changesOf, type BatchResult } from './batch';
import { refundDeposits } from './deposit-money';
import { recordChanges, type Change } from './events';
import { createOrdersForSoldLots } from './create-orders';
import type { LifecycleRules } from './rules';
import { toDate, toNullableNumber, toNumber } from './rows';
import { instant, instantArray, intArray, textArray } from './sql-values';

type DueLot = { id: number; status: LotStatus; context: LotContext };

/**
 * Claims up to `batchSize` due lots (id after `afterId`, skipping rows another tick holds),
 * moves each as far as its machine goes at `now`, and applies the effects for the whole
 * batch at once: orders for every sold lot, refunds for every losing lot deposit.
 */
export async function advanceDueLots(
  tx: Executor,
  { now, batchSize, afterId, rules }: { now: Date; batchSize: number; afterId: number; rules: LifecycleRules },
): Promise<BatchResult> {
  const claimed = await tx.execute<Record<string, unknown>>(sql`
    select l.id, l.status, l.bid_count, l.current_price, l.reserve_price,
           coalesce(l.ends_at, a.ends_at) as ends_at, a.preview_starts_at, a.starts_at
    from lots l join auctions a on a.id = l.auction_id
    where l.next_transition_at <= ${instant(now)} and l.id > ${afterId}
    order by l.id limit ${batchSize}
    for update of l skip locked`);
  const lots: DueLot[] = claimed.rows.map((row) => ({
    id: toNumber(row.id),
    status: row.status as LotStatus,
    context: {
      previewStartsAt: toDate(row.preview_starts_at),
      startsAt: toDate(row.starts_at),
      endsAt: toDate(row.ends_at),
      bidCount: toNumber(row.bid_count),
      currentPrice: toNullableNumber(row.current_price),
      reservePrice: toNullableNumber(row.reserve_price),
    },
  }));
  if (lots.length === 0) return { claimed: 0, lastId: afterId, changes: [] };

  const moves = lots.map((lot) => {
    const advance = catchUp(lotMachine, lot.status, lot.context, now);
    return {
      lot,
      to: advance.status as LotStatus,
      steps: advance.steps,
      next: nextLotTransitionAt(advance.status as LotStatus, lot.context),
    };
  });
  // Every claimed row is written, changed or not, so its next_transition_at is recomputed.
  // A lot closes at its end, not when a late tick notices: that is when its 24 hours start.
  await tx.execute(sql`
    update lots l set
      status = v.to_status::lot_status,
      next_transition_at = v.next_at,
      closed_at = case when v.to_status in ('sold', 'unsold') then coalesce(l.closed_at, v.ends_at) else l.closed_at end,
      deal_price = case when v.to_status = 'sold' then l.current_price else l.deal_price end,
      winner_id = case when v.to_status = 'sold' then l.leader_id else l.winner_id end,
      updated_at = ${instant(now)}
    from unnest(${intArray(moves.map((m) => m.lot.id))}, ${textArray(moves.map((m) => m.lot.status))},
                ${textArray(moves.map((m) => m.to))}, ${instantArray(moves.map((m) => m.next))},
                ${instantArray(moves.map((m) => m.lot.context.endsAt))}) as v(id, from_status, to_status, next_at, ends_at)
    where l.id = v.id and l.status::text = v.from_status`);

  const changes: Change[] = moves.flatMap((m) => changesOf(m.lot.id, m.steps));
  await recordChanges(tx, 'lot', changes, now);

  const effects = (name: string) =>
    moves.filter((m) => m.steps.some((step) => step.effects.includes(name))).map((m) => m.lot.id);
  const sold = effects('createOrder');
  const closed = effects('refundLosingLotDeposits');
  if (sold.length > 0) await createOrdersForSoldLots(tx, sold, now, rules);
  if (closed.length > 0) {
    await refundDeposits(
      tx,
      sql`d.lot_id = any(${intArray(closed)}) and d.user_id is distinct from (select l.winner_id from lots l where l.id = d.lot_id and l.status = 'sold')`,
      'lot_lost',
      now,
    );
  }
  return { claimed: lots.length, lastId: lots[lots.length - 1]!.id, changes };
}
