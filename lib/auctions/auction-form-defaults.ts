import type { Auction } from '@/db/schema/auctions';
import { DEFAULT_LADDER, type LadderStep } from '@/lib/bidding/ladder';
import { fenToYuanInput } from '@/lib/money';
import { toZonedInput } from '@/lib/time/zoned-input';
import type { AuctionFormInput } from './auction-form-schema';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

type StoredAuction = Pick<
  Auction,
  | 'title'
  | 'description'
  | 'coverUrl'
  | 'videoUrl'
  | 'previewStartsAt'
  | 'previewEndsAt'
  | 'startsAt'
  | 'endsAt'
  | 'depositAmount'
  | 'buyerPremiumBps'
  | 'antiSnipingMinutes'
  | 'antiSnipingExtensionMinutes'
  | 'antiSnipingCapMinutes'
  | 'closingIntervalSeconds'
>;

/** A stored auction as its form shows it: ¥ and wall-clock text in `timeZone`. */
export function auctionFormValues(
  auction: StoredAuction,
  ladder: readonly LadderStep[],
  timeZone: string,
): AuctionFormInput {
  return {
    title: auction.title,
    description: auction.description,
    coverUrl: auction.coverUrl ?? '',
    videoUrl: auction.videoUrl ?? '',
    previewStartsAt: toZonedInput(auction.previewStartsAt, timeZone),
    previewEndsAt: toZonedInput(auction.previewEndsAt, timeZone),
    startsAt: toZonedInput(auction.startsAt, timeZone),
    endsAt: toZonedInput(auction.endsAt, timeZone),
    depositAmount: fenToYuanInput(auction.depositAmount),
    buyerPremiumPercent: fenToYuanInput(auction.buyerPremiumBps),
    antiSnipingMinutes: String(auction.antiSnipingMinutes),
    antiSnipingExtensionMinutes: String(auction.antiSnipingExtensionMinutes),
    antiSnipingCapMinutes: auction.antiSnipingCapMinutes === null ? '' : String(auction.antiSnipingCapMinutes),
    closingIntervalSeconds: String(auction.closingIntervalSeconds),
    ladder: ladder.map((step) => ({
      minPrice: fenToYuanInput(step.minPrice),
      increment: fenToYuanInput(step.increment),
    })),
  };
}

/**
 * A new auction's form: design.md's defaults (session deposit ¥1,000, 5-minute anti-sniping,
 * the default ladder) and a schedule starting on the next whole hour a day from `now`:
 * a day of preview, then a day live.
 */
export function newAuctionFormValues(now: Date, timeZone: string): AuctionFormInput {
  const previewStartsAt = new Date(Math.ceil((now.getTime() + DAY) / HOUR) * HOUR);
  return auctionFormValues(
    {
      title: '',
      description: '',
      coverUrl: null,
      videoUrl: null,
      previewStartsAt,
      previewEndsAt: new Date(previewStartsAt.getTime() + DAY),
      startsAt: new Date(previewStartsAt.getTime() + DAY),
      endsAt: new Date(previewStartsAt.getTime() + 2 * DAY),
      depositAmount: 100_000,
      buyerPremiumBps: 0,
      antiSnipingMinutes: 5,
      antiSnipingExtensionMinutes: 5,
      antiSnipingCapMinutes: null,
      closingIntervalSeconds: 0,
    },
    DEFAULT_LADDER,
    timeZone,
  );
}
