import type { PublicAuctionCard } from '@/lib/auctions/list-public-auctions';
import type { PublicAuction } from '@/lib/auctions/get-public-auction';
import type { AuctionDetail, AuctionSummary } from './schemas';

/** Readers' records as the API writes them: dates as ISO text, nothing else added. */
export function auctionSummaryOf(card: PublicAuctionCard): AuctionSummary {
  return {
    id: card.id,
    title: card.title,
    coverUrl: card.coverUrl,
    status: card.status,
    previewStartsAt: card.previewStartsAt.toISOString(),
    startsAt: card.startsAt.toISOString(),
    endsAt: card.endsAt.toISOString(),
    depositAmount: card.depositAmount,
    lotCount: card.lotCount,
  };
}

export function auctionDetailOf(auction: PublicAuction): AuctionDetail {
  return {
    id: auction.id,
    title: auction.title,
    description: auction.description,
    coverUrl: auction.coverUrl,
    status: auction.status,
    previewStartsAt: auction.previewStartsAt.toISOString(),
    previewEndsAt: auction.previewEndsAt.toISOString(),
    startsAt: auction.startsAt.toISOString(),
    endsAt: auction.endsAt.toISOString(),
    depositAmount: auction.depositAmount,
    buyerPremiumBps: auction.buyerPremiumBps,
    lotCount: auction.lots.total,
    lots: {
      ...auction.lots,
      items: auction.lots.items.map((lot) => ({
        id: lot.id,
        title: lot.title,
        coverUrl: lot.coverUrl,
        status: lot.status,
        startPrice: lot.startPrice,
        currentPrice: lot.currentPrice,
        dealPrice: lot.dealPrice,
        depositAmount: lot.depositAmount,
        bidCount: lot.bidCount,
        reserveMet: lot.reserveMet,
        endsAt: lot.endsAt.toISOString(),
      })),
    },
  };
}
