import { sql, type SQL } from 'drizzle-orm';
import { auctions, type AuctionStatus } from '@/db/schema';
import { effectiveAuctionStatus, type AuctionContext } from '@/machines/auction';
import { toDate, toNumber } from './rows';

/**
 * What an auction's machine needs from its lots, for any query with the auction's id and
 * end in scope: how many lots, how many still open by their stored status, and when the
 * last one closes (anti-sniping may push it past the auction's own end).
 */
export function auctionLotColumns(auctionId: SQL, endsAt: SQL) {
  return {
    lotCount: sql<number>`(select count(*) from lots l where l.auction_id = ${auctionId})::int`,
    openLots: sql<number>`(select count(*) from lots l where l.auction_id = ${auctionId} and l.status in ('draft', 'scheduled', 'preview', 'live'))::int`,
    lastLotEndsAt: sql<
      Date | string
    >`coalesce((select max(coalesce(l.ends_at, ${endsAt})) from lots l where l.auction_id = ${auctionId}), ${endsAt})`,
  };
}

/**
 * The columns a select over `auctions` adds so that each row can be read at `now`. The
 * auction's columns are named with their table: drizzle writes a column of a one-table
 * select unqualified, and inside the lots subqueries `"id"` or `"ends_at"` would be the lot's.
 */
export const auctionMachineColumns = {
  status: auctions.status,
  previewStartsAt: auctions.previewStartsAt,
  previewEndsAt: auctions.previewEndsAt,
  startsAt: auctions.startsAt,
  endsAt: auctions.endsAt,
  ...auctionLotColumns(sql`"auctions"."id"`, sql`"auctions"."ends_at"`),
};

type MachineRow = {
  status: AuctionStatus;
  previewStartsAt: Date;
  previewEndsAt: Date;
  startsAt: Date;
  endsAt: Date;
  lotCount: number;
  openLots: number;
  lastLotEndsAt: Date | string;
};

export function auctionContextOfRead(row: MachineRow): AuctionContext {
  return {
    ...row,
    lotCount: toNumber(row.lotCount),
    openLots: toNumber(row.openLots),
    lastLotEndsAt: toDate(row.lastLotEndsAt),
  };
}

/** The status a reader sees at `now`, however late the tick is. */
export const effectiveStatusOfRead = (row: MachineRow, now: Date): AuctionStatus =>
  effectiveAuctionStatus(row.status, auctionContextOfRead(row), now);
