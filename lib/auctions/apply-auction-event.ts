import 'server-only';
import { eq, sql } from 'drizzle-orm';
import type { Database, Executor } from '@/db/client';
import { auctions, type AuctionStatus } from '@/db/schema';
import { recordAdminAudit } from '@/lib/admin/audit';
import { refundDeposits } from '@/lib/deposits/refund-deposits';
import { AppError } from '@/lib/errors';
import { staggeredSlots } from '@/lib/lots/staggered-slots';
import { lotTransitions } from '@/lib/lots/transitions';
import { logChangedRows, recordChanges } from '@/lib/sql/lifecycle-events';
import { instant } from '@/lib/sql/values';
import { auctionEvent, effectiveAuctionStatus, nextAuctionTransitionAt, type AuctionEvent } from '@/machines/auction';
import { auctionContextOf, auctionMachineColumns } from './machine-context';

export type AuctionVerbOptions = {
  db: Database;
  auctionId: number;
  now: Date;
  actorId?: number | null;
  /** An operator's click: the event is written to admin_audit_log in the same transaction. */
  audit?: { adminId: number; ip: string | null };
};

/**
 * An operator's event on an auction (PUBLISH, CANCEL): the row is locked, the machine at
 * `now` decides (a late tick must not let a live auction be cancelled), and a refused event
 * is a CONFLICT that writes nothing. Its lots follow through their own machine.
 */
export async function applyAuctionEvent(
  { db, auctionId, now, actorId = null, audit }: AuctionVerbOptions,
  type: Exclude<AuctionEvent['type'], 'TICK'>,
): Promise<AuctionStatus> {
  return db.transaction(async (tx) => {
    const [row] = await tx.select(auctionMachineColumns).from(auctions).where(eq(auctions.id, auctionId)).for('update');
    if (!row) throw new AppError('NOT_FOUND', 'No such auction');
    const context = auctionContextOf(row);
    const current = effectiveAuctionStatus(row.status, context, now);
    const step = auctionEvent(current, context, { type, now });
    if (!step) throw new AppError('WRONG_STATE', `An auction that is ${current} cannot take ${type}`);
    const to = step.to as AuctionStatus;
    await tx
      .update(auctions)
      .set({
        status: to,
        nextTransitionAt: nextAuctionTransitionAt(to, context),
        ...(to === 'scheduled' ? { publishedAt: now } : {}),
        ...(to === 'cancelled' ? { cancelledAt: now } : {}),
        updatedAt: now,
      })
      .where(eq(auctions.id, auctionId));
    await recordChanges(tx, 'auction', [{ id: auctionId, from: row.status, to, event: type }], now, actorId);
    if (step.effects.includes('publishLots'))
      await publishLots(tx, { auctionId, previewStartsAt: context.previewStartsAt, now, actorId });
    if (step.effects.includes('cancelLots')) await cancelLots(tx, { auctionId, now, actorId });
    if (step.effects.includes('refundAllDeposits')) {
      await refundDeposits(tx, { selection: { auctionIds: [auctionId] }, reason: 'auction_cancelled', now });
    }
    if (audit) {
      await recordAdminAudit(tx, {
        ...audit,
        action: `auction.${type.toLowerCase()}`,
        entity: 'auction',
        entityId: auctionId,
        before: { status: current },
        after: { status: to },
        at: now,
      });
    }
    return to;
  });
}

/**
 * Lots follow their auction out of draft. Staggered closing: publishing fixes each lot's
 * slot (`staggeredSlots`). Written into ends_at too, so the tick, the bid check and every reader
 * see it with no extra rule.
 */
async function publishLots(
  tx: Executor,
  {
    auctionId,
    previewStartsAt,
    now,
    actorId,
  }: { auctionId: number; previewStartsAt: Date; now: Date; actorId: number | null },
) {
  const { publish } = lotTransitions;
  await tx.execute(sql`
    with target as (
      select l.id, l.status from lots l where l.auction_id = ${auctionId} and ${publish.accepts} order by l.id for update
    ), slots as (${staggeredSlots(auctionId)}
    ), changed as (
      update lots l set status = ${publish.to}, next_transition_at = ${instant(previewStartsAt)},
        scheduled_ends_at = slots.ends_at, ends_at = slots.ends_at, updated_at = ${instant(now)}
      from target t join slots on slots.id = t.id where l.id = t.id
      returning l.id, t.status::text as from_status, l.status::text as to_status
    )
    ${logChangedRows({ entity: 'lot', event: 'PUBLISH', at: now, actorId })}`);
}

/** Lots still open follow their auction into cancelled. */
async function cancelLots(
  tx: Executor,
  { auctionId, now, actorId }: { auctionId: number; now: Date; actorId: number | null },
) {
  const { cancel } = lotTransitions;
  await tx.execute(sql`
    with target as (
      select l.id, l.status from lots l where l.auction_id = ${auctionId} and ${cancel.accepts} order by l.id for update
    ), changed as (
      update lots l set status = ${cancel.to}, next_transition_at = null, updated_at = ${instant(now)}
      from target t where l.id = t.id
      returning l.id, t.status::text as from_status, l.status::text as to_status
    )
    ${logChangedRows({ entity: 'lot', event: 'CANCEL', at: now, actorId })}`);
}
