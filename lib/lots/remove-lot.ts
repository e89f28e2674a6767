import 'server-only';
import { eq } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { lots } from '@/db/schema';
import { recordAdminAudit } from '@/lib/admin/audit';
import { lotsMayChange } from '@/lib/auctions/editable-fields';
import { AppError } from '@/lib/errors';
import { lotImageUrls } from './lot-columns';
import { lockLotForEdit } from './lock-lot-for-edit';
import { rescheduleLots } from './staggered-slots';

/**
 * An operator removes a lot before preview (no deposit or bid can exist yet). A scheduled
 * auction keeps at least one lot, as publishing required, and its slots close up.
 */
export async function removeLot({
  db,
  now,
  adminId,
  ip,
  lotId,
}: {
  db: Database;
  now: Date;
  adminId: number;
  ip: string | null;
  lotId: number;
}): Promise<{ auctionId: number }> {
  return db.transaction(async (tx) => {
    const { lot, status, lotCount } = await lockLotForEdit(tx, { lotId, now });
    if (!lotsMayChange(status)) throw new AppError('WRONG_STATE', `Lots are fixed once an auction is ${status}`);
    if (status === 'scheduled' && lotCount <= 1) {
      throw new AppError('WRONG_STATE', 'A published auction keeps at least one lot');
    }
    const images = await lotImageUrls(tx, lot.id);
    await tx.delete(lots).where(eq(lots.id, lot.id));
    if (status === 'scheduled') await rescheduleLots(tx, { auctionId: lot.auctionId, now });
    await recordAdminAudit(tx, {
      adminId,
      ip,
      action: 'lot.remove',
      entity: 'lot',
      entityId: lot.id,
      before: { ...lot, images },
      details: { auctionId: lot.auctionId },
      at: now,
    });
    return { auctionId: lot.auctionId };
  });
}
