import 'server-only';
import { eq } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { auctions, type Auction, type AuctionStatus } from '@/db/schema';
import { AppError } from '@/lib/errors';
import { auctionMachineColumns, auctionStatusAt } from './machine-context';

/**
 * Every admin edit of an auction or its lots starts here: the auction row locked (so two
 * saves queue), its status as the machine sees it at `now`, and the version the operator
 * loaded checked against the stored one. A stale save is refused, never merged or lost.
 */
export async function lockAuctionForEdit(
  tx: Executor,
  { auctionId, now, version }: { auctionId: number; now: Date; version?: number },
): Promise<{ auction: Auction; status: AuctionStatus; lotCount: number; lastLotEndsAt: Date }> {
  const [row] = await tx
    .select({ auction: auctions, machine: auctionMachineColumns })
    .from(auctions)
    .where(eq(auctions.id, auctionId))
    .for('update');
  if (!row) throw new AppError('NOT_FOUND', 'No such auction');
  if (version !== undefined && version !== row.auction.version) {
    throw new AppError('STALE_WRITE', `Auction ${auctionId} is at version ${row.auction.version}, not ${version}`);
  }
  return {
    auction: row.auction,
    status: auctionStatusAt(row.machine, now),
    lotCount: row.machine.lotCount,
    lastLotEndsAt: row.machine.lastLotEndsAt,
  };
}
