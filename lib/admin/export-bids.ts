import 'server-only';
import { and, asc, eq, gt } from 'drizzle-orm';
import type { Executor } from '@/db';
import { bids, lots, users } from '@/db/schema';

const EXPORT_BATCH = 500;

export type ExportedBid = {
  id: number;
  lotPosition: number;
  lotTitle: string;
  bidderName: string;
  bidderPhone: string | null;
  amount: number;
  isProxy: boolean;
  placedAt: Date;
};

/** Every bid of an auction in the order they were placed, read in keyset batches for a streamed export. */
export async function* exportAuctionBids({
  db,
  auctionId,
}: {
  db: Executor;
  auctionId: number;
}): AsyncGenerator<ExportedBid[]> {
  let afterId = 0;
  for (;;) {
    const batch = await db
      .select({
        id: bids.id,
        lotPosition: lots.position,
        lotTitle: lots.title,
        bidderName: users.name,
        bidderPhone: users.phone,
        amount: bids.amount,
        isProxy: bids.isProxy,
        placedAt: bids.placedAt,
      })
      .from(bids)
      .innerJoin(lots, eq(lots.id, bids.lotId))
      .innerJoin(users, eq(users.id, bids.userId))
      .where(and(eq(lots.auctionId, auctionId), gt(bids.id, afterId)))
      .orderBy(asc(bids.id))
      .limit(EXPORT_BATCH);
    if (batch.length === 0) return;
    yield batch;
    afterId = batch[batch.length - 1]!.id;
    if (batch.length < EXPORT_BATCH) return;
  }
}
