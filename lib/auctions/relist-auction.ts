import 'server-only';
import { sql } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { lots } from '@/db/schema';
import { recordAdminAudit } from '@/lib/admin/audit';
import type { LifecycleRules } from '@/lib/engine/rules';
import { AppError } from '@/lib/errors';
import { instant } from '@/lib/sql/values';
import { insertDraftAuction } from './insert-draft-auction';
import { lockAuctionForEdit } from './lock-auction-for-edit';
import { relistCandidates } from './relist-candidates';
import type { RelistAuctionData } from './relist-schema';

/**
 * 一拍 → 二拍: the unsold and overdue lots of an ended auction, copied with their text and
 * images into a new draft auction at the prices the operator entered, in one transaction.
 * An auction is relisted once: a second click (or a second operator) gets CONFLICT.
 */
export async function relistAuction({
  db,
  now,
  adminId,
  ip,
  rules,
  input,
}: {
  db: Database;
  now: Date;
  adminId: number;
  ip: string | null;
  rules: LifecycleRules;
  input: RelistAuctionData;
}): Promise<{ auctionId: number }> {
  return db.transaction(async (tx) => {
    const source = await lockAuctionForEdit(tx, { auctionId: input.sourceAuctionId, now });
    if (source.status !== 'ended')
      throw new AppError('WRONG_STATE', `Only an ended auction is relisted, not ${source.status}`);
    const candidates = new Map(
      (await relistCandidates({ db: tx, auctionId: source.auction.id, now, rules })).map((lot) => [lot.id, lot]),
    );
    const seen = new Set<number>();
    const fieldErrors = Object.fromEntries(
      input.lots.flatMap((lot, index) => {
        const refused = !candidates.has(lot.lotId) || seen.has(lot.lotId);
        seen.add(lot.lotId);
        return refused ? [[`lots.${index}.lotId`, ['adminAuctions.validation.notRelistable']]] : [];
      }),
    );
    if (Object.keys(fieldErrors).length > 0) throw new AppError('VALIDATION', 'Not relistable', { fieldErrors });
    const { auctionId, columns } = await insertDraftAuction(tx, { input: input.auction, adminId, now });
    const copied: { from: number; to: number }[] = [];
    for (const [position, prices] of input.lots.entries()) {
      const original = candidates.get(prices.lotId)!;
      const { lotId, ...newPrices } = prices;
      const [lot] = await tx
        .insert(lots)
        .values({
          auctionId,
          position,
          title: original.title,
          description: original.description,
          coverUrl: original.coverUrl,
          videoUrl: original.videoUrl,
          ...newPrices,
          createdAt: now,
          updatedAt: now,
        })
        .returning({ id: lots.id });
      await tx.execute(sql`
        insert into lot_images (lot_id, url, position, created_at, updated_at)
        select ${lot!.id}, url, position, ${instant(now)}, ${instant(now)} from lot_images where lot_id = ${lotId}`);
      copied.push({ from: lotId, to: lot!.id });
    }
    await recordAdminAudit(tx, {
      adminId,
      ip,
      action: 'auction.relist',
      entity: 'auction',
      entityId: auctionId,
      after: { ...columns, ladder: input.auction.ladder, lots: input.lots },
      details: { sourceAuctionId: source.auction.id, lots: copied },
      at: now,
    });
    return { auctionId };
  });
}
