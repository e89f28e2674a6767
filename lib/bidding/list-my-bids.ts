import 'server-only';
import { countDistinct, desc, eq, getTableColumns, inArray, max, count } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { auctions, bids, lots, type LotStatus } from '@/db/schema';
import { lotContextOf, lotMachineColumns } from '@/lib/lots/machine-context';
import { pageOf, type Page, type PageRequest } from '@/lib/pagination';
import { effectiveLotStatus, OPEN_LOT_STATUSES, SOLD_LOT_STATUSES } from '@/machines/lot';

export type MyBidState = 'leading' | 'outbid' | 'won' | 'lost';

export type MyLotBids = {
  lot: { id: number; title: string; coverUrl: string | null; auctionTitle: string; endsAt: Date };
  /** The lot machine at `now`. */
  lotStatus: LotStatus;
  state: MyBidState;
  currentPrice: number | null;
  myHighest: number;
  myBidCount: number;
  lastBidAt: Date;
};

/**
 * Where the buyer stands on a lot at `now`: while it takes bids, leading or outbid; once it
 * has closed, won if it sold to their bid, else lost (outbid, or the reserve not met).
 */
export function bidStateAt(lotStatus: LotStatus, isLeader: boolean): MyBidState {
  if (OPEN_LOT_STATUSES.includes(lotStatus)) return isLeader ? 'leading' : 'outbid';
  return isLeader && SOLD_LOT_STATUSES.includes(lotStatus) ? 'won' : 'lost';
}

/** The lots the buyer bid on, most recent bid first, one entry per lot. */
export async function listMyBids({
  db,
  userId,
  now,
  page,
}: {
  db: Executor;
  userId: number;
  now: Date;
  page: PageRequest;
}): Promise<Page<MyLotBids>> {
  const lastBidAt = max(bids.placedAt);
  const [groups, [total]] = await Promise.all([
    db
      .select({ lotId: bids.lotId, myHighest: max(bids.amount), myBidCount: count(), lastBidAt })
      .from(bids)
      .where(eq(bids.userId, userId))
      .groupBy(bids.lotId)
      .orderBy(desc(lastBidAt), desc(bids.lotId))
      .limit(page.pageSize)
      .offset(page.offset),
    db
      .select({ n: countDistinct(bids.lotId) })
      .from(bids)
      .where(eq(bids.userId, userId)),
  ]);
  const lotIds = groups.map((group) => group.lotId);
  const lotRows =
    lotIds.length === 0
      ? []
      : await db
          .select({ ...getTableColumns(lots), ...lotMachineColumns, auctionTitle: auctions.title })
          .from(lots)
          .innerJoin(auctions, eq(auctions.id, lots.auctionId))
          .where(inArray(lots.id, lotIds));
  const items = groups.flatMap((group) => {
    const lot = lotRows.find((row) => row.id === group.lotId);
    if (!lot) return [];
    const lotStatus = effectiveLotStatus(lot.status, lotContextOf(lot), now);
    return [
      {
        lot: {
          id: lot.id,
          title: lot.title,
          coverUrl: lot.coverUrl,
          auctionTitle: lot.auctionTitle,
          endsAt: lot.endsAt,
        },
        lotStatus,
        state: bidStateAt(lotStatus, lot.leaderId === userId),
        currentPrice: lot.currentPrice,
        myHighest: group.myHighest ?? 0,
        myBidCount: group.myBidCount,
        lastBidAt: group.lastBidAt ?? lot.updatedAt,
      },
    ];
  });
  return pageOf(items, total?.n ?? 0, page);
}
