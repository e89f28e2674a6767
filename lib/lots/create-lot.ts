import 'server-only';
import { sql } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { lots, type LotStatus } from '@/db/schema';
import { recordAdminAudit } from '@/lib/admin/audit';
import { lotsMayChange } from '@/lib/auctions/editable-fields';
import { lockAuctionForEdit } from '@/lib/auctions/lock-auction-for-edit';
import { AppError } from '@/lib/errors';
import { lotEvent } from '@/machines/lot';
import { lotColumnsOf, replaceLotImages } from './lot-columns';
import type { CreateLotData } from './lot-form-schema';
import { lotContextOfRows } from './machine-context';
import { rescheduleLots } from './staggered-slots';

/**
 * An operator adds a lot at the end of an auction, before its preview. In a scheduled
 * auction the lot is published as it is added, and every lot's staggered slot is rewritten.
 */
export async function createLot({
  db,
  now,
  adminId,
  ip,
  input,
}: {
  db: Database;
  now: Date;
  adminId: number;
  ip: string | null;
  input: CreateLotData;
}): Promise<{ lotId: number }> {
  return db.transaction(async (tx) => {
    const { auction, status } = await lockAuctionForEdit(tx, { auctionId: input.auctionId, now });
    if (!lotsMayChange(status)) throw new AppError('WRONG_STATE', `Lots are fixed once an auction is ${status}`);
    const lotStatus: LotStatus =
      status === 'scheduled'
        ? ((lotEvent(
            'draft',
            lotContextOfRows({ endsAt: null, bidCount: 0, currentPrice: null, reservePrice: null }, auction),
            {
              type: 'PUBLISH',
              now,
            },
          )?.to as LotStatus) ?? 'draft')
        : 'draft';
    const columns = lotColumnsOf(input);
    const [lot] = await tx
      .insert(lots)
      .values({
        ...columns,
        auctionId: auction.id,
        status: lotStatus,
        position: sql`(select coalesce(max(position), -1) + 1 from lots where auction_id = ${auction.id})`,
        createdAt: now,
        updatedAt: now,
      })
      .returning({ id: lots.id });
    await replaceLotImages(tx, { lotId: lot!.id, urls: input.images, now });
    if (lotStatus === 'scheduled') await rescheduleLots(tx, { auctionId: auction.id, now });
    await recordAdminAudit(tx, {
      adminId,
      ip,
      action: 'lot.create',
      entity: 'lot',
      entityId: lot!.id,
      after: { ...columns, images: input.images },
      details: { auctionId: auction.id },
      at: now,
    });
    return { lotId: lot!.id };
  });
}
