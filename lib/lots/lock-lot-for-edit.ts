import 'server-only';
import { eq } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { lots, type Lot } from '@/db/schema';
import { lockAuctionForEdit } from '@/lib/auctions/lock-auction-for-edit';
import { AppError } from '@/lib/errors';

/**
 * A lot edit locks its auction first (the order bids and the tick use), then the lot, and
 * checks the lot's version when the caller carries one. The auction's status at `now` says
 * what may change.
 */
export async function lockLotForEdit(
  tx: Executor,
  { lotId, now, version }: { lotId: number; now: Date; version?: number },
) {
  const [owner] = await tx.select({ auctionId: lots.auctionId }).from(lots).where(eq(lots.id, lotId));
  if (!owner) throw new AppError('NOT_FOUND', 'No such lot');
  const auction = await lockAuctionForEdit(tx, { auctionId: owner.auctionId, now });
  const [lot] = (await tx.select().from(lots).where(eq(lots.id, lotId)).for('update')) as Lot[];
  if (!lot || lot.auctionId !== owner.auctionId) throw new AppError('NOT_FOUND', 'No such lot');
  if (version !== undefined && version !== lot.version) {
    throw new AppError('STALE_WRITE', `Lot ${lotId} is at version ${lot.version}, not ${version}`);
  }
  return { lot, ...auction };
}
