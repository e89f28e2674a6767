import 'server-only';
import { and, eq, inArray } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { auctions, lots, watchlist } from '@/db/schema';
import { PUBLIC_AUCTION_STATUSES } from '@/lib/auctions/list-public-auctions';
import { AppError } from '@/lib/errors';

/**
 * 关注 / 取消关注: idempotent both ways (the unique (user, lot) key makes a second watch a
 * no-op). Only a published lot can be watched: a draft or unknown one answers NOT_FOUND.
 * Stopping is always allowed, since it only removes the buyer's own row.
 */
export async function setWatch({
  db,
  userId,
  lotId,
  watching,
}: {
  db: Database;
  userId: number;
  lotId: number;
  watching: boolean;
}): Promise<{ lotId: number; watching: boolean }> {
  if (!watching) {
    await db.delete(watchlist).where(and(eq(watchlist.userId, userId), eq(watchlist.lotId, lotId)));
    return { lotId, watching };
  }
  const [lot] = await db
    .select({ id: lots.id })
    .from(lots)
    .innerJoin(auctions, eq(auctions.id, lots.auctionId))
    .where(and(eq(lots.id, lotId), inArray(auctions.status, PUBLIC_AUCTION_STATUSES)));
  if (!lot) throw new AppError('NOT_FOUND', 'No such lot');
  // A lot deleted between the check and the insert fails its foreign key: the whole call is refused.
  await db.insert(watchlist).values({ userId, lotId }).onConflictDoNothing();
  return { lotId, watching };
}
