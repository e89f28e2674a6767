import { sql } from 'drizzle-orm';
import type { Database } from '@/db/client';
import type { AuctionStatus } from '@/db/schema/auctions';
import { AppError } from '@/lib/errors';
import { auctionEvent, effectiveAuctionStatus, nextAuctionTransitionAt, type AuctionEvent } from '@/machines/auction';
import { auctionContextColumns, auctionContextOf } from './advance-auctions';
import { refundDeposits } from './deposit-money';
import { recordChanges } from './events';
import { instant } from './sql-values';

type Actor = { actorId: number | null };

/**
 * Operator verbs on an auction (PUBLISH, CANCEL): the row is locked, the machine decides,
 * and a refused event is a CONFLICT that writes nothing.
 */
async function applyAuctionEvent(db: Database, auctionId: number, event: AuctionEvent, { actorId }: Actor) {
  return db.transaction(async (tx) => {
    const found = await tx.execute<Record<string, unknown>>(
      sql`select a.id, a.status, ${auctionContextColumns} from auctions a where a.id = ${auctionId} for update`,
    );
    const row = found.rows[0];
    if (!row) throw new AppError('NOT_FOUND', 'No such auction');
    const status = row.status as AuctionStatus;
    const context = auctionContextOf(row);
    // The machine at `now` decides, as for bids: a late tick must not let a live auction be cancelled.
    const current = effectiveAuctionStatus(status, context, event.now);
    const step = auctionEvent(current, context, event);
    if (!step) throw new AppError('CONFLICT', `An auction that is ${current} cannot take ${event.type}`);
    const to = step.to as AuctionStatus;
    const now = event.now;
    await tx.execute(sql`
      update auctions set status = ${to}::auction_status, next_transition_at = ${nextAuctionTransitionAt(to, context)?.toISOString() ?? null}::timestamptz,
        published_at = case when ${to} = 'scheduled' then ${instant(now)} else published_at end,
        cancelled_at = case when ${to} = 'cancelled' then ${instant(now)} else cancelled_at end,
        updated_at = ${instant(now)}
      where id = ${auctionId} and status = ${status}::auction_status`);
    await recordChanges(tx, 'auction', [{ id: auctionId, from: status, to, event: event.type }], now, actorId);
    const lotTarget = step.effects.includes('publishLots')
      ? 'scheduled'
      : step.effects.includes('cancelLots')
        ? 'cancelled'
        : null;
    if (lotTarget) {
      // Staggered closing: publishing fixes each lot's slot, the lot at rank n (by position,
      // then id) closing n × closing_interval_seconds after the auction's end. Written into
      // ends_at too, so the tick, the bid check and every reader see it with no extra rule.
      await tx.execute(sql`
        with old as (
          select l.id, l.status::text as status from lots l
          where l.auction_id = ${auctionId} and l.status in ('draft', 'scheduled', 'preview') order by l.id for update
        ), slots as (
          select l.id, a.ends_at + (row_number() over (order by l.position, l.id) - 1) * a.closing_interval_seconds * interval '1 second' as ends_at
          from lots l join auctions a on a.id = l.auction_id where l.auction_id = ${auctionId}
        ), changed as (
          update lots l set status = ${lotTarget}::lot_status,
            next_transition_at = case when ${lotTarget} = 'scheduled' then ${context.previewStartsAt.toISOString()}::timestamptz end,
            scheduled_ends_at = case when ${lotTarget} = 'scheduled' then slots.ends_at else l.scheduled_ends_at end,
            ends_at = case when ${lotTarget} = 'scheduled' then slots.ends_at else l.ends_at end,
            updated_at = ${instant(now)}
          from old join slots on slots.id = old.id where l.id = old.id
          returning l.id, old.status as from_status
        )
        insert into lifecycle_events (entity, entity_id, from_status, to_status, event, actor_id, at)
        select 'lot', id, from_status, ${lotTarget}, ${event.type}, ${actorId}::int, ${instant(now)} from changed`);
    }
    if (step.effects.includes('refundAllDeposits')) {
      await refundDeposits(tx, sql`d.auction_id = ${auctionId}`, 'auction_cancelled', now);
    }
    return to;
  });
}

export const publishAuction = (db: Database, auctionId: number, now: Date, actor: Actor = { actorId: null }) =>
  applyAuctionEvent(db, auctionId, { type: 'PUBLISH', now }, actor);

export const cancelAuction = (db: Database, auctionId: number, now: Date, actor: Actor = { actorId: null }) =>
  applyAuctionEvent(db, auctionId, { type: 'CANCEL', now }, actor);
