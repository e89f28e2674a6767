import 'server-only';
import { and, count, desc, eq, inArray } from 'drizzle-orm';
import type { Executor } from '@/db';
import { auctions, bids, lots, users } from '@/db/schema';
import { PUBLIC_AUCTION_STATUSES } from '@/lib/auctions/list-public-auctions';
import type { PublicBid } from '@/lib/api/v1/schemas';
import { pageOf, type Page, type PageRequest } from '@/lib/pagination';
import { maskName } from './mask-name';

/** A lot's bids as anyone may see them, highest first, names masked here on the server. */
export async function publicBids({
  db,
  lotId,
  limit,
  offset = 0,
}: {
  db: Executor;
  lotId: number;
  limit: number;
  offset?: number;
}): Promise<PublicBid[]> {
  const rows = await db
    .select({ amount: bids.amount, isProxy: bids.isProxy, placedAt: bids.placedAt, name: users.name })
    .from(bids)
    .innerJoin(users, eq(users.id, bids.userId))
    .where(eq(bids.lotId, lotId))
    .orderBy(desc(bids.amount))
    .limit(limit)
    .offset(offset);
  return rows.map((bid) => ({
    amount: bid.amount,
    bidder: maskName(bid.name),
    isProxy: bid.isProxy,
    placedAt: bid.placedAt.toISOString(),
  }));
}

/** A public lot's title and its whole bid history a page at a time, or null if not public. */
export async function listLotBids({
  db,
  lotId,
  page,
}: {
  db: Executor;
  lotId: number;
  page: PageRequest;
}): Promise<{ title: string; bids: Page<PublicBid> } | null> {
  const [lot] = await db
    .select({ title: lots.title })
    .from(lots)
    .innerJoin(auctions, eq(auctions.id, lots.auctionId))
    .where(and(eq(lots.id, lotId), inArray(auctions.status, PUBLIC_AUCTION_STATUSES)))
    .limit(1);
  if (!lot) return null;
  const [items, [{ total } = { total: 0 }]] = await Promise.all([
    publicBids({ db, lotId, limit: page.pageSize, offset: page.offset }),
    db.select({ total: count() }).from(bids).where(eq(bids.lotId, lotId)),
  ]);
  return { title: lot.title, bids: pageOf(items, total, page) };
}
