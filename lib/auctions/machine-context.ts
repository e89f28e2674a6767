import { sql } from 'drizzle-orm';
import { auctions, type AuctionStatus } from '@/db/schema';
import { statusIn } from '@/lib/sql/machine-status';
import { toDate } from '@/lib/sql/rows';
import { OPEN_LOT_STATUSES } from '@/machines/lot';
import { effectiveAuctionStatus, type AuctionContext } from '@/machines/auction';

/**
 * The one definition of what an auction's machine reads, for the tick, the verbs, payments
 * and every reader: add these to a select over `auctions`. From its lots: how many, how many
 * still open by their stored status, and when the last one closes (anti-sniping may push it
 * past the auction's own end). The subqueries name the auction by its table, since drizzle
 * writes a column of a one-table select unqualified and `"id"` there would be the lot's.
 */
export const auctionMachineColumns = {
  status: auctions.status,
  previewStartsAt: auctions.previewStartsAt,
  previewEndsAt: auctions.previewEndsAt,
  startsAt: auctions.startsAt,
  endsAt: auctions.endsAt,
  lotCount: sql<number>`(select count(*) from lots l where l.auction_id = "auctions"."id")`.mapWith(Number),
  openLots: sql<number>`(select count(*) from lots l where l.auction_id = "auctions"."id"
    and ${statusIn(sql`l.status`, OPEN_LOT_STATUSES)})`.mapWith(Number),
  lastLotEndsAt: sql<Date>`coalesce(
    (select max(coalesce(l.ends_at, "auctions"."ends_at")) from lots l where l.auction_id = "auctions"."id"),
    "auctions"."ends_at")`.mapWith(toDate),
};

/** The machine's auctionClosesAt in SQL, to sort by: the later of the auction's end and its last lot's. */
export const auctionClosesAtSql = sql`greatest(${auctions.endsAt}, ${auctionMachineColumns.lastLotEndsAt})`;

export type AuctionMachineRow = AuctionContext & { status: AuctionStatus };

export function auctionContextOf(row: AuctionMachineRow): AuctionContext {
  const { previewStartsAt, previewEndsAt, startsAt, endsAt, lotCount, openLots, lastLotEndsAt } = row;
  return { previewStartsAt, previewEndsAt, startsAt, endsAt, lotCount, openLots, lastLotEndsAt };
}

/** The status a reader sees at `now`, however late the tick is. */
export const auctionStatusAt = (row: AuctionMachineRow, now: Date): AuctionStatus =>
  effectiveAuctionStatus(row.status, auctionContextOf(row), now);
