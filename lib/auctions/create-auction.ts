import 'server-only';
import type { Database } from '@/db/client';
import { recordAdminAudit } from '@/lib/admin/audit';
import type { AuctionFormData } from './auction-form-schema';
import { insertDraftAuction } from './insert-draft-auction';

/** An operator creates a draft auction with a ladder of its own; nothing is public until it is published. */
export async function createAuction({
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
  input: AuctionFormData;
}): Promise<{ auctionId: number }> {
  return db.transaction(async (tx) => {
    const { auctionId, columns } = await insertDraftAuction(tx, { input, adminId, now });
    await recordAdminAudit(tx, {
      adminId,
      ip,
      action: 'auction.create',
      entity: 'auction',
      entityId: auctionId,
      after: { ...columns, ladder: input.ladder },
      at: now,
    });
    return { auctionId };
  });
}
