import { count, inArray, sql } from 'drizzle-orm';
import type { Executor } from '@/db';
import { auctions, lots, type AuctionStatus } from '@/db/schema';
import { pageOf, type Page, type PageRequest } from '@/lib/pagination';
import { effectiveAuctionStatus } from '@/machines/auction';

/** What buyers may see: everything published, never drafts. */
export const PUBLIC_AUCTION_STATUSES: AuctionStatus[] = ['scheduled', 'preview', 'live', 'ended'];

export type PublicAuctionCard = {
  id: number;
  title: string;
  coverUrl: string | null;
  status: AuctionStatus;
  previewStartsAt: Date;
  startsAt: Date;
  endsAt: Date;
  depositAmount: number;
  totalPrice: number;
  lotCount: number;
};

/**
 * Live first (ending soonest first), then preview and upcoming (starting soonest first), then
 * ended (latest first). The status shown is the machine's at `now`, not a late tick's.
 */
export async function listPublicAuctions({ db, page, now }: { db: Executor; page: PageRequest; now: Date }): Promise<Page<PublicAuctionCard>> {
  const visible = inArray(auctions.status, PUBLIC_AUCTION_STATUSES);
  const lotCount = db.$count(lots, sql`${lots.auctionId} = ${auctions.id}`);
  const openLots = db.$count(lots, sql`${lots.auctionId} = ${auctions.id} and ${lots.status} in ('draft', 'scheduled', 'preview', 'live')`);
  const lastLotEndsAt = sql<string | Date>`coalesce((select max(coalesce(l.ends_at, ${auctions.endsAt})) from lots l where l.auction_id = ${auctions.id}), ${auctions.endsAt})`;
  const [items, [total]] = await Promise.all([
    db
      .select({
        id: auctions.id,
        title: auctions.title,
        coverUrl: auctions.coverUrl,
        status: auctions.status,
        previewStartsAt: auctions.previewStartsAt,
        previewEndsAt: auctions.previewEndsAt,
        startsAt: auctions.startsAt,
        endsAt: auctions.endsAt,
        depositAmount: auctions.depositAmount,
        totalPrice: auctions.totalPrice,
        lotCount,
        openLots,
        lastLotEndsAt,
      })
      .from(auctions)
      .where(visible)
      .orderBy(
        sql`case ${auctions.status} when 'live' then 0 when 'preview' then 1 when 'scheduled' then 2 else 3 end`,
        sql`case ${auctions.status} when 'live' then extract(epoch from ${auctions.endsAt}) when 'ended' then -extract(epoch from ${auctions.endsAt}) else extract(epoch from ${auctions.startsAt}) end`,
        auctions.id,
      )
      .limit(page.pageSize)
      .offset(page.offset),
    db.select({ n: count() }).from(auctions).where(visible),
  ]);
  const cards = items.map(({ openLots: open, lastLotEndsAt: lastEnd, previewEndsAt, ...card }) => ({
    ...card,
    status: effectiveAuctionStatus(card.status, { ...card, previewEndsAt, openLots: open, lastLotEndsAt: new Date(lastEnd) }, now),
  }));
  return pageOf(cards, total?.n ?? 0, page);
}
