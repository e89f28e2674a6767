import { sql } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import type { AuctionStatus } from '@/db/schema/auctions';
import { auctionMachine, nextAuctionTransitionAt, type AuctionContext } from '@/machines/auction';
import { catchUp } from '@/machines/lifecycle';
import { auctionLotColumns } from './auction-reads';
import { changesOf, deadlineOf, type BatchResult } from './batch';
import { settleEndedAuctions } from './settle-auctions';
import { recordChanges } from './events';
import { toDate, toNumber } from './rows';
import { instant, instantArray, intArray, textArray } from './sql-values';

const lotColumns = auctionLotColumns(sql`a.id`, sql`a.ends_at`);

/** The columns an auction machine's context is read from, for claims and verbs alike. */
export const auctionContextColumns = sql`
  a.preview_starts_at, a.preview_ends_at, a.starts_at, a.ends_at,
  ${lotColumns.lotCount} as lot_count, ${lotColumns.openLots} as open_lots, ${lotColumns.lastLotEndsAt} as last_lot_ends_at`;

export function auctionContextOf(row: Record<string, unknown>): AuctionContext {
  return {
    previewStartsAt: toDate(row.preview_starts_at),
    previewEndsAt: toDate(row.preview_ends_at),
    startsAt: toDate(row.starts_at),
    endsAt: toDate(row.ends_at),
    lotCount: toNumber(row.lot_count),
    openLots: toNumber(row.open_lots),
    lastLotEndsAt: toDate(row.last_lot_ends_at),
  };
}

/**
 * Claims due auctions and moves each as far as its machine goes: into preview, live, and
 * ended once every lot has closed (its lots are advanced by their own pass). Ended auctions
 * are settled together.
 */
export async function advanceDueAuctions(
  tx: Executor,
  { now, batchSize, afterId }: { now: Date; batchSize: number; afterId: number },
): Promise<BatchResult> {
  const claimed = await tx.execute<Record<string, unknown>>(sql`
    select a.id, a.status, ${auctionContextColumns}
    from auctions a
    where a.next_transition_at <= ${instant(now)} and a.id > ${afterId}
    order by a.id limit ${batchSize}
    for update of a skip locked`);
  if (claimed.rows.length === 0) return { claimed: 0, lastId: afterId, changes: [] };
  const moves = claimed.rows.map((row) => {
    const id = toNumber(row.id);
    const status = row.status as AuctionStatus;
    const context = auctionContextOf(row);
    const advance = catchUp(auctionMachine, status, context, now);
    const to = advance.status as AuctionStatus;
    const endedAt = deadlineOf(advance.steps, 'ended', (from: AuctionStatus) => nextAuctionTransitionAt(from, context));
    return { id, status, to, steps: advance.steps, next: nextAuctionTransitionAt(to, context), endedAt };
  });
  await tx.execute(sql`
    update auctions a set
      status = v.to_status::auction_status,
      next_transition_at = v.next_at,
      ended_at = coalesce(v.ended_at, a.ended_at),
      updated_at = ${instant(now)}
    from unnest(${intArray(moves.map((m) => m.id))}, ${textArray(moves.map((m) => m.status))},
                ${textArray(moves.map((m) => m.to))}, ${instantArray(moves.map((m) => m.next))},
                ${instantArray(moves.map((m) => m.endedAt))}) as v(id, from_status, to_status, next_at, ended_at)
    where a.id = v.id and a.status::text = v.from_status`);
  const changes = moves.flatMap((m) => changesOf(m.id, m.steps));
  await recordChanges(tx, 'auction', changes, now);
  const ended = moves.filter((m) => m.steps.some((step) => step.effects.includes('settleAuction'))).map((m) => m.id);
  if (ended.length > 0) await settleEndedAuctions(tx, ended, now);
  return { claimed: moves.length, lastId: moves[moves.length - 1]!.id, changes };
}
