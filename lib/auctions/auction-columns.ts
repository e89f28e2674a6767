import type { AuctionFormData } from './auction-form-schema';

/** The auction form's output as the auctions row stores it (the ladder is written apart). */
export function auctionColumnsOf(input: AuctionFormData) {
  return {
    title: input.title,
    description: input.description,
    coverUrl: input.coverUrl,
    videoUrl: input.videoUrl,
    previewStartsAt: input.previewStartsAt,
    previewEndsAt: input.previewEndsAt,
    startsAt: input.startsAt,
    endsAt: input.endsAt,
    depositAmount: input.depositAmount,
    buyerPremiumBps: input.buyerPremiumPercent,
    antiSnipingMinutes: input.antiSnipingMinutes,
    antiSnipingExtensionMinutes: input.antiSnipingExtensionMinutes,
    antiSnipingCapMinutes: input.antiSnipingCapMinutes,
    closingIntervalSeconds: input.closingIntervalSeconds,
  };
}

export type AuctionColumns = ReturnType<typeof auctionColumnsOf>;
