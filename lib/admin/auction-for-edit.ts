import 'server-only';
import { asc, eq } from 'drizzle-orm';
import type { Executor } from '@/db';
import { auctions, lotImages, lots, type Auction, type AuctionStatus, type LotStatus } from '@/db/schema';
import { ladderSteps } from '@/lib/auctions/auction-ladder';
import { auctionMachineColumns, auctionStatusAt } from '@/lib/auctions/machine-context';
import type { LadderStep } from '@/lib/bidding/ladder';
import { lotContextOf, lotMachineColumns } from '@/lib/lots/machine-context';
import { effectiveLotStatus } from '@/machines/lot';

export type AuctionForEdit = {
  auction: Auction;
  status: AuctionStatus;
  ladder: LadderStep[];
  lots: {
    id: number;
    title: string;
    coverUrl: string | null;
    status: LotStatus;
    startPrice: number;
    depositAmount: number;
    imageCount: number;
  }[];
};

/** An auction as its edit page shows it: the row, its status at `now`, its bands and its lots in order. */
export async function auctionForEdit({
  db,
  auctionId,
  now,
}: {
  db: Executor;
  auctionId: number;
  now: Date;
}): Promise<AuctionForEdit | null> {
  const [row] = await db
    .select({ auction: auctions, machine: auctionMachineColumns })
    .from(auctions)
    .where(eq(auctions.id, auctionId));
  if (!row) return null;
  const lotRows = await db
    .select({
      id: lots.id,
      title: lots.title,
      coverUrl: lots.coverUrl,
      startPrice: lots.startPrice,
      depositAmount: lots.depositAmount,
      imageCount: db.$count(lotImages, eq(lotImages.lotId, lots.id)),
      machine: lotMachineColumns,
    })
    .from(lots)
    .innerJoin(auctions, eq(auctions.id, lots.auctionId))
    .where(eq(lots.auctionId, auctionId))
    .orderBy(asc(lots.position), asc(lots.id));
  return {
    auction: row.auction,
    status: auctionStatusAt(row.machine, now),
    ladder: await ladderSteps(db, row.auction.incrementLadderId),
    lots: lotRows.map(({ machine, ...lot }) => ({
      ...lot,
      status: effectiveLotStatus(machine.status, lotContextOf(machine), now),
    })),
  };
}
