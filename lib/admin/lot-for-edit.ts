import 'server-only';
import { and, eq } from 'drizzle-orm';
import type { Executor } from '@/db';
import { auctions, lots, type Lot } from '@/db/schema';
import { lotImageUrls } from '@/lib/lots/lot-columns';

/** A lot of one auction with its gallery, for its edit form; null when the lot is not that auction's. */
export async function lotForEdit({
  db,
  auctionId,
  lotId,
}: {
  db: Executor;
  auctionId: number;
  lotId: number;
}): Promise<{ lot: Lot; images: string[] } | null> {
  const [row] = await db
    .select({ lot: lots })
    .from(lots)
    .innerJoin(auctions, eq(auctions.id, lots.auctionId))
    .where(and(eq(lots.id, lotId), eq(lots.auctionId, auctionId)));
  if (!row) return null;
  return { lot: row.lot, images: await lotImageUrls(db, lotId) };
}
