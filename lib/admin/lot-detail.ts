import 'server-only';
import { and, count, desc, eq } from 'drizzle-orm';
import type { Executor } from '@/db';
import { bids, lots, proxyBids, users } from '@/db/schema';
import type { LifecycleRules } from '@/lib/engine/rules';
import { pageOf, type Page, type PageRequest } from '@/lib/pagination';
import { lotOutcomeOf, selectLotOutcomes, type LotOutcome } from './lot-outcomes';

export type AdminBidRow = {
  id: number;
  bidderId: number;
  bidderName: string;
  bidderPhone: string | null;
  amount: number;
  isProxy: boolean;
  placedAt: Date;
};

export type ProxyMaximum = { bidderName: string; maxAmount: number; active: boolean; setAt: Date };

export type AdminLotDetail = {
  lot: LotOutcome;
  bids: Page<AdminBidRow>;
  /** Buyers' maxima, which buyers never see of each other; highest first. */
  proxies: ProxyMaximum[];
};

/** A lot of `auctionId` as the operator follows it: the machine at `now`, its bids (newest first), the proxy maxima. */
export async function getLotDetailForAdmin({
  db,
  auctionId,
  lotId,
  bidsPage,
  now,
  rules,
}: {
  db: Executor;
  auctionId: number;
  lotId: number;
  bidsPage: PageRequest;
  now: Date;
  rules: LifecycleRules;
}): Promise<AdminLotDetail | null> {
  const [row] = await selectLotOutcomes(db).where(and(eq(lots.id, lotId), eq(lots.auctionId, auctionId)));
  if (!row) return null;
  const [bidRows, [total], proxies] = await Promise.all([
    db
      .select({
        id: bids.id,
        bidderId: users.id,
        bidderName: users.name,
        bidderPhone: users.phone,
        amount: bids.amount,
        isProxy: bids.isProxy,
        placedAt: bids.placedAt,
      })
      .from(bids)
      .innerJoin(users, eq(users.id, bids.userId))
      .where(eq(bids.lotId, lotId))
      .orderBy(desc(bids.amount), desc(bids.id))
      .limit(bidsPage.pageSize)
      .offset(bidsPage.offset),
    db.select({ n: count() }).from(bids).where(eq(bids.lotId, lotId)),
    db
      .select({
        bidderName: users.name,
        maxAmount: proxyBids.maxAmount,
        active: proxyBids.active,
        setAt: proxyBids.setAt,
      })
      .from(proxyBids)
      .innerJoin(users, eq(users.id, proxyBids.userId))
      .where(eq(proxyBids.lotId, lotId))
      .orderBy(desc(proxyBids.active), desc(proxyBids.maxAmount))
      .limit(50),
  ]);
  return { lot: lotOutcomeOf(row, now, rules), bids: pageOf(bidRows, total?.n ?? 0, bidsPage), proxies };
}
