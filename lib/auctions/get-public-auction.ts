import { and, asc, eq, getTableColumns, inArray } from 'drizzle-orm';
import type { Executor } from '@/db';
import { auctions, lots, orders, type AuctionStatus, type LotStatus } from '@/db/schema';
import { PUBLIC_AUCTION_STATUSES } from './list-public-auctions';
import { auctionMachineColumns, auctionStatusAt } from './machine-context';
import { lotContextOf, lotMachineColumns } from '@/lib/lots/machine-context';
import { effectiveLotStatus, lotStatusWithOrder } from '@/machines/lot';
import { effectiveOrderStatus } from '@/machines/order';
import { auctionClosesAt } from '@/machines/auction';
import { orderContextOf, orderMachineColumns } from '@/lib/orders/machine-context';
import { DEFAULT_RULES, type LifecycleRules } from '@/lib/engine/rules';
import { pageOf, pageRequest, type Page, type PageRequest } from '@/lib/pagination';

/** Lots per page, on the auction page and in the API alike. */
export const AUCTION_LOTS_PAGE_SIZE = 20;

export type PublicLot = {
  id: number;
  title: string;
  description: string;
  coverUrl: string | null;
  status: LotStatus;
  startPrice: number;
  currentPrice: number | null;
  dealPrice: number | null;
  depositAmount: number;
  bidCount: number;
  /** When bidding on it closes (its staggered slot, moved by anti-sniping). */
  endsAt: Date;
  /** The reserve itself stays hidden; buyers only learn whether it is met. */
  reserveMet: boolean | null;
};

export type PublicAuction = {
  id: number;
  title: string;
  description: string;
  coverUrl: string | null;
  status: AuctionStatus;
  previewStartsAt: Date;
  previewEndsAt: Date;
  startsAt: Date;
  /** When bidding closes: its last lot's end (staggered slots, anti-sniping), never before the auction's. */
  endsAt: Date;
  depositAmount: number;
  buyerPremiumBps: number;
  totalPrice: number;
  /** One page of its lots, in catalogue order. */
  lots: Page<PublicLot>;
};

/**
 * A published auction with one page of its lots as a buyer sees them at `now`, or null
 * (drafts are not found). Statuses are the machines' at `now`, so a late tick never shows a
 * closed lot live.
 */
export async function getPublicAuction({
  db,
  auctionId,
  now,
  rules = DEFAULT_RULES,
  lotPage = pageRequest(1, AUCTION_LOTS_PAGE_SIZE),
}: {
  db: Executor;
  auctionId: number;
  now: Date;
  rules?: LifecycleRules;
  lotPage?: PageRequest;
}): Promise<PublicAuction | null> {
  const [auction] = await db
    .select({ ...getTableColumns(auctions), ...auctionMachineColumns })
    .from(auctions)
    .where(and(eq(auctions.id, auctionId), inArray(auctions.status, PUBLIC_AUCTION_STATUSES)))
    .limit(1);
  if (!auction) return null;
  const rows = await db
    .select({ ...getTableColumns(lots), ...lotMachineColumns })
    .from(lots)
    .innerJoin(auctions, eq(auctions.id, lots.auctionId))
    .where(eq(lots.auctionId, auctionId))
    .orderBy(asc(lots.position), asc(lots.id))
    .limit(lotPage.pageSize)
    .offset(lotPage.offset);
  const lotOrders =
    rows.length === 0
      ? []
      : await db
          .select({ ...getTableColumns(orders), ...orderMachineColumns })
          .from(orders)
          .where(
            inArray(
              orders.lotId,
              rows.map((lot) => lot.id),
            ),
          );
  const orderStatusOf = (lotId: number) => {
    const order = lotOrders.find((candidate) => candidate.lotId === lotId);
    return order ? effectiveOrderStatus(order.status, orderContextOf(order, rules), now) : null;
  };
  const lotStatuses = rows.map((lot) => {
    const context = lotContextOf(lot);
    return lotStatusWithOrder(effectiveLotStatus(lot.status, context, now), orderStatusOf(lot.id), context, now);
  });
  const status = auctionStatusAt(auction, now);
  return {
    id: auction.id,
    title: auction.title,
    description: auction.description,
    coverUrl: auction.coverUrl,
    status,
    previewStartsAt: auction.previewStartsAt,
    previewEndsAt: auction.previewEndsAt,
    startsAt: auction.startsAt,
    endsAt: auctionClosesAt(auction),
    depositAmount: auction.depositAmount,
    buyerPremiumBps: auction.buyerPremiumBps,
    totalPrice: auction.totalPrice,
    lots: pageOf(
      rows.map((lot, index) => ({
        id: lot.id,
        title: lot.title,
        description: lot.description,
        coverUrl: lot.coverUrl,
        status: lotStatuses[index]!,
        startPrice: lot.startPrice,
        currentPrice: lot.currentPrice,
        dealPrice: lot.dealPrice,
        depositAmount: lot.depositAmount,
        bidCount: lot.bidCount,
        endsAt: lot.endsAt,
        reserveMet: lot.reservePrice === null ? null : (lot.currentPrice ?? 0) >= lot.reservePrice,
      })),
      auction.lotCount,
      lotPage,
    ),
  };
}
