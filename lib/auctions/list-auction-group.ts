import 'server-only';
import { and, inArray, lte, gt, sql, type SQL } from 'drizzle-orm';
import type { Executor } from '@/db';
import { auctions } from '@/db/schema';
import { AUCTION_GROUP_NAMES } from '@/lib/api/v1/groups';
import type { Page, PageRequest } from '@/lib/pagination';
import { auctionClosesAtSql, auctionMachineColumns } from './machine-context';
import { listAuctionCards, type PublicAuctionCard } from './list-public-auctions';

export type AuctionGroup = (typeof AUCTION_GROUP_NAMES)[number];

/** When the auction's last lot closes, anti-sniping included: the machine's own column. */
const lastLotEnd = auctionMachineColumns.lastLotEndsAt;
const OPEN = ['scheduled', 'preview', 'live'] as const;

/**
 * Which published auctions fall in a group at `now`, by the same schedule the auction machine
 * follows (so a late tick does not leave an ended auction under "live"): upcoming before its
 * preview, preview until bidding starts, live until its last lot closes, then ended.
 */
function groupWhere(group: AuctionGroup, now: Date): SQL {
  const open = inArray(auctions.status, [...OPEN]);
  const at = now.toISOString();
  switch (group) {
    case 'upcoming':
      return and(open, gt(auctions.previewStartsAt, now))!;
    case 'preview':
      return and(open, lte(auctions.previewStartsAt, now), gt(auctions.startsAt, now))!;
    case 'live':
      return and(open, lte(auctions.startsAt, now), sql`${lastLotEnd} > ${at}::timestamptz`)!;
    case 'ended':
      return sql`(${auctions.status} = 'ended' or (${open} and ${lastLotEnd} <= ${at}::timestamptz))`;
  }
}

const ORDER: Record<AuctionGroup, SQL> = {
  live: sql`${auctionClosesAtSql} asc`,
  preview: sql`${auctions.startsAt} asc`,
  upcoming: sql`${auctions.previewStartsAt} asc`,
  ended: sql`${auctionClosesAtSql} desc`,
};

/** One group of the home page, a page at a time; statuses shown are the machine's at `now`. */
export async function listAuctionGroup({
  db,
  group,
  page,
  now,
}: {
  db: Executor;
  group: AuctionGroup;
  page: PageRequest;
  now: Date;
}): Promise<Page<PublicAuctionCard>> {
  return listAuctionCards({ db, where: groupWhere(group, now), orderBy: [ORDER[group]], page, now });
}
