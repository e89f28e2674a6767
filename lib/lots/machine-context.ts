import type { Auction, Lot } from '@/db/schema';
import type { LotContext } from '@/machines/lot';

/** A lot's machine context: its auction's schedule, its own end (staggered slot, anti-sniping), its bids. */
export function lotContextOf(
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
