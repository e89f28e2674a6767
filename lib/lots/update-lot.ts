import 'server-only';
import { and, eq } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { lots } from '@/db/schema';
import { recordAdminAudit } from '@/lib/admin/audit';
import { LOT_MEDIA_FIELDS, lockedFieldErrors } from '@/lib/auctions/editable-fields';
import { AppError } from '@/lib/errors';
import { lotColumnsOf, lotImageUrls, replaceLotImages, type LotColumns } from './lot-columns';
import type { UpdateLotData } from './lot-form-schema';
import { lockLotForEdit } from './lock-lot-for-edit';

/**
 * An operator saves a lot. STALE_WRITE when someone saved it since the form was loaded;
 * FIELD_LOCKED naming prices, deposit, reserve or estimate once the auction is in preview
 * (text and images still change then), and every field once it is live.
 */
export async function updateLot({
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
  input: UpdateLotData;
}): Promise<{ version: number }> {
  return db.transaction(async (tx) => {
    const { lot, status } = await lockLotForEdit(tx, { lotId: input.lotId, now, version: input.version });
    const columns = lotColumnsOf(input);
    const changed = (Object.keys(columns) as (keyof LotColumns)[]).filter((key) => columns[key] !== lot[key]);
    const storedImages = await lotImageUrls(tx, lot.id);
    const imagesChanged = storedImages.join('\n') !== input.images.join('\n');
    const locked = lockedFieldErrors(status, [...changed, ...(imagesChanged ? ['images'] : [])], LOT_MEDIA_FIELDS);
    if (Object.keys(locked).length > 0) {
      throw new AppError('FIELD_LOCKED', `Locked while ${status}`, { fieldErrors: locked });
    }
    const [saved] = await tx
      .update(lots)
      .set({ ...columns, version: lot.version + 1, updatedAt: now })
      .where(and(eq(lots.id, lot.id), eq(lots.version, lot.version)))
      .returning({ version: lots.version });
    if (!saved) throw new AppError('STALE_WRITE', 'The lot changed while saving');
    if (imagesChanged) await replaceLotImages(tx, { lotId: lot.id, urls: input.images, now });
    await recordAdminAudit(tx, {
      adminId,
      ip,
      action: 'lot.update',
      entity: 'lot',
      entityId: lot.id,
      before: {
        ...Object.fromEntries(changed.map((key) => [key, lot[key]])),
        ...(imagesChanged ? { images: storedImages } : {}),
      },
      after: {
        ...Object.fromEntries(changed.map((key) => [key, columns[key]])),
        ...(imagesChanged ? { images: input.images } : {}),
      },
      details: { auctionId: lot.auctionId, version: saved.version },
      at: now,
    });
    return { version: saved.version };
  });
}
