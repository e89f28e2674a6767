import 'server-only';
import { eq, sql } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { lots } from '@/db/schema';
import { recordAdminAudit } from '@/lib/admin/audit';
import { lotsMayChange } from '@/lib/auctions/editable-fields';
import { lockAuctionForEdit } from '@/lib/auctions/lock-auction-for-edit';
import { AppError } from '@/lib/errors';
import { intArray, instant } from '@/lib/sql/values';
import { rescheduleLots } from './staggered-slots';

/**
 * An operator sets the order of an auction's lots (before preview): `lotIds` must name each
 * of its lots once. Position decides the staggered closing slot, so a scheduled auction's
 * slots are rewritten.
 */
export async function reorderLots({
  db,
  now,
  adminId,
  ip,
  auctionId,
  lotIds,
}: {
  db: Database;
  now: Date;
  adminId: number;
  ip: string | null;
  auctionId: number;
  lotIds: readonly number[];
}): Promise<void> {
  await db.transaction(async (tx) => {
    const { status } = await lockAuctionForEdit(tx, { auctionId, now });
    if (!lotsMayChange(status)) throw new AppError('WRONG_STATE', `Lots are fixed once an auction is ${status}`);
    const stored = await tx
      .select({ id: lots.id })
      .from(lots)
      .where(eq(lots.auctionId, auctionId))
      .orderBy(lots.position, lots.id);
    const before = stored.map((row) => row.id);
    const sameSet =
      new Set(lotIds).size === lotIds.length &&
      lotIds.length === before.length &&
      lotIds.every((id) => before.includes(id));
    if (!sameSet) {
      throw new AppError('VALIDATION', 'Name every lot of the auction once', {
        fieldErrors: { lotIds: ['adminAuctions.validation.reorderSet'] },
      });
    }
    await tx.execute(sql`
      update lots l set position = ordered.position - 1, updated_at = ${instant(now)}
      from unnest(${intArray(lotIds)}) with ordinality as ordered(id, position)
      where l.id = ordered.id and l.auction_id = ${auctionId}`);
    if (status === 'scheduled') await rescheduleLots(tx, { auctionId, now });
    await recordAdminAudit(tx, {
      adminId,
      ip,
      action: 'lot.reorder',
      entity: 'auction',
      entityId: auctionId,
      before: { lotIds: before },
      after: { lotIds: [...lotIds] },
      at: now,
    });
  });
}
