import 'server-only';
import { and, eq, sql } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { auctions } from '@/db/schema';
import { recordAdminAudit } from '@/lib/admin/audit';
import { AppError } from '@/lib/errors';
import { statusIn } from '@/lib/sql/machine-status';
import { instant } from '@/lib/sql/values';
import { nextAuctionTransitionAt, effectiveAuctionStatus } from '@/machines/auction';
import { OPEN_LOT_STATUSES } from '@/machines/lot';
import { auctionContextOf, auctionMachineColumns } from './machine-context';
import { lockAuctionForEdit } from './lock-auction-for-edit';

/**
 * 延长结束时间: the one change a live auction takes. Only later; every lot still open at
 * `now` moves by the same amount (its staggered slot, any anti-sniping extension on top, and
 * the deadline the tick polls), so the order of closing and the anti-sniping cap hold.
 * Lots whose end has already passed are closed by the machine and are left alone.
 */
export async function extendAuctionEnd({
  db,
  now,
  adminId,
  ip,
  auctionId,
  version,
  endsAt,
}: {
  db: Database;
  now: Date;
  adminId: number;
  ip: string | null;
  auctionId: number;
  version: number;
  endsAt: Date;
}): Promise<{ version: number; lotsMoved: number }> {
  return db.transaction(async (tx) => {
    const { auction, status } = await lockAuctionForEdit(tx, { auctionId, now, version });
    if (status !== 'live') throw new AppError('WRONG_STATE', `Only a live auction's end is extended, not ${status}`);
    if (endsAt <= auction.endsAt || endsAt <= now) {
      throw new AppError('VALIDATION', 'The new end must be later', {
        fieldErrors: { endsAt: ['adminAuctions.validation.extendLater'] },
      });
    }
    const shift = sql`${endsAt.getTime() - auction.endsAt.getTime()} * interval '1 millisecond'`;
    const oldEnd = instant(auction.endsAt);
    const moved = (
      await tx.execute<{ id: number }>(sql`
        update lots l set
          scheduled_ends_at = coalesce(l.scheduled_ends_at, ${oldEnd}) + ${shift},
          ends_at = coalesce(l.ends_at, ${oldEnd}) + ${shift},
          next_transition_at = case when l.status = 'live' then coalesce(l.ends_at, ${oldEnd}) + ${shift} else l.next_transition_at end,
          updated_at = ${instant(now)}
        where l.auction_id = ${auctionId} and ${statusIn(sql`l.status`, OPEN_LOT_STATUSES)}
          and coalesce(l.ends_at, ${oldEnd}) > ${instant(now)}
        returning l.id`)
    ).rows;
    await tx
      .update(auctions)
      .set({ endsAt, version: auction.version + 1, updatedAt: now })
      .where(and(eq(auctions.id, auctionId), eq(auctions.version, auction.version)));
    // The auction's own deadline follows its last lot, read back after the lots moved.
    const [row] = await tx.select(auctionMachineColumns).from(auctions).where(eq(auctions.id, auctionId));
    const context = auctionContextOf(row!);
    await tx
      .update(auctions)
      .set({ nextTransitionAt: nextAuctionTransitionAt(row!.status, context) })
      .where(eq(auctions.id, auctionId));
    if (effectiveAuctionStatus(row!.status, context, now) !== 'live')
      throw new AppError('CONFLICT', 'Auction left live');
    await recordAdminAudit(tx, {
      adminId,
      ip,
      action: 'auction.extendEnd',
      entity: 'auction',
      entityId: auctionId,
      before: { endsAt: auction.endsAt },
      after: { endsAt },
      details: { lotsMoved: moved.length },
      at: now,
    });
    return { version: auction.version + 1, lotsMoved: moved.length };
  });
}
