import { sql } from 'drizzle-orm';
import { auctions, lots, type Auction, type Lot, type LotStatus } from '@/db/schema';
import { toDate } from '@/lib/sql/rows';
import type { LotContext } from '@/machines/lot';

/**
 * The one definition of what a lot's machine reads: its auction's schedule, its own end
 * (its staggered slot, pushed back by anti-sniping; the auction's end while a draft has
 * none) and its bids. Add these to a select over `lots` joined with its `auctions` row.
 */
export const lotMachineColumns = {
  status: lots.status,
  previewStartsAt: auctions.previewStartsAt,
  startsAt: auctions.startsAt,
  endsAt: sql<Date>`coalesce(${lots.endsAt}, ${auctions.endsAt})`.mapWith(toDate),
  bidCount: lots.bidCount,
  currentPrice: lots.currentPrice,
  reservePrice: lots.reservePrice,
};

export type LotMachineRow = LotContext & { status: LotStatus };

export function lotContextOf(row: LotMachineRow): LotContext {
  const { previewStartsAt, startsAt, endsAt, bidCount, currentPrice, reservePrice } = row;
  return { previewStartsAt, startsAt, endsAt, bidCount, currentPrice, reservePrice };
}

/** The same context from whole rows a caller has already read (the lot locked for a bid). */
export function lotContextOfRows(
  lot: Pick<Lot, 'endsAt' | 'bidCount' | 'currentPrice' | 'reservePrice'>,
  auction: Pick<Auction, 'previewStartsAt' | 'startsAt' | 'endsAt'>,
): LotContext {
  return {
    previewStartsAt: auction.previewStartsAt,
    startsAt: auction.startsAt,
    endsAt: lot.endsAt ?? auction.endsAt,
    bidCount: lot.bidCount,
    currentPrice: lot.currentPrice,
    reservePrice: lot.reservePrice,
  };
}

/** Where the lot closes before any extension (its staggered slot); the anti-sniping cap counts from here. */
export function scheduledEndOf(lot: Pick<Lot, 'scheduledEndsAt'>, auction: Pick<Auction, 'endsAt'>): Date {
  return lot.scheduledEndsAt ?? auction.endsAt;
}
