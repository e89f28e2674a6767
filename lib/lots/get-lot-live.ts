import 'server-only';
import { and, eq, getTableColumns, inArray } from 'drizzle-orm';
import type { Executor } from '@/db';
import { auctions, lots, orders, users } from '@/db/schema';
import { PUBLIC_AUCTION_STATUSES } from '@/lib/auctions/list-public-auctions';
import type { LotLive } from '@/lib/api/v1/schemas';
import { incrementAt, minimumBid } from '@/lib/bidding/ladder';
import { DEFAULT_RULES, type LifecycleRules } from '@/lib/engine/rules';
import { orderContextOf, orderMachineColumns } from '@/lib/orders/machine-context';
import { effectiveLotStatus, lotStatusWithOrder } from '@/machines/lot';
import { effectiveOrderStatus } from '@/machines/order';
import { publicBids } from './list-lot-bids';
import { auctionLadder } from './lot-ladder';
import { lotContextOf, lotMachineColumns } from './machine-context';
import { maskName } from './mask-name';

/** Bids shown on the lot page and in each poll: enough to follow a contest, small enough to poll. */
export const RECENT_BIDS = 10;

export type LotRecord = Awaited<ReturnType<typeof readLot>>;

async function readLot(db: Executor, lotId: number) {
  const [row] = await db
    .select({
      lot: getTableColumns(lots),
      machine: lotMachineColumns,
      auction: {
        id: auctions.id,
        title: auctions.title,
        depositAmount: auctions.depositAmount,
        buyerPremiumBps: auctions.buyerPremiumBps,
        incrementLadderId: auctions.incrementLadderId,
        antiSnipingMinutes: auctions.antiSnipingMinutes,
      },
      leaderName: users.name,
    })
    .from(lots)
    .innerJoin(auctions, eq(auctions.id, lots.auctionId))
    .leftJoin(users, eq(users.id, lots.leaderId))
    .where(and(eq(lots.id, lotId), inArray(auctions.status, PUBLIC_AUCTION_STATUSES)))
    .limit(1);
  return row ?? null;
}

/**
 * A lot's live state as every viewer sees it at `now` (the machine's status, never a late
 * tick's), or null for no such lot or one in an unpublished auction. Names are masked here,
 * on the server; the reserve only as met / not met. Nothing in it depends on who asks, so it
 * may be cached for everyone.
 */
export async function getLotLive({
  db,
  lotId,
  now,
  rules = DEFAULT_RULES,
}: {
  db: Executor;
  lotId: number;
  now: Date;
  rules?: LifecycleRules;
}): Promise<{ live: LotLive; record: NonNullable<LotRecord> } | null> {
  const record = await readLot(db, lotId);
  if (!record) return null;
  const [ladder, recent, [order]] = await Promise.all([
    auctionLadder({ db, ladderId: record.auction.incrementLadderId }),
    publicBids({ db, lotId, limit: RECENT_BIDS }),
    db
      .select({ ...getTableColumns(orders), ...orderMachineColumns })
      .from(orders)
      .where(eq(orders.lotId, lotId))
      .limit(1),
  ]);
  const context = lotContextOf(record.machine);
  const orderStatus = order ? effectiveOrderStatus(order.status, orderContextOf(order, rules), now) : null;
  const status = lotStatusWithOrder(effectiveLotStatus(record.machine.status, context, now), orderStatus, context, now);
  const open = status === 'live' || status === 'preview' || status === 'scheduled';
  const { lot } = record;
  const next = minimumBid(lot, ladder);
  return {
    record,
    live: {
      id: lot.id,
      auctionId: lot.auctionId,
      status,
      startPrice: lot.startPrice,
      currentPrice: lot.currentPrice,
      nextMinimumBid: open ? next : null,
      increment: incrementAt(next, ladder),
      reserveMet: lot.reservePrice === null ? null : (lot.currentPrice ?? -1) >= lot.reservePrice,
      bidCount: lot.bidCount,
      leader: record.leaderName === null ? null : maskName(record.leaderName),
      startsAt: record.machine.startsAt.toISOString(),
      endsAt: record.machine.endsAt.toISOString(),
      viewCount: lot.viewCount,
      recentBids: recent,
      serverNow: now.toISOString(),
    },
  };
}
