import { count, inArray, sql } from 'drizzle-orm';
import type { Executor } from '@/db';
import { auctions, lots, type AuctionStatus } from '@/db/schema';
import { pageOf, type Page, type PageRequest } from '@/lib/pagination';

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

/** Live first (ending soonest first), then preview and upcoming (starting soonest first), then ended (latest first). */
export async function listPublicAuctions({ db, page }: { db: Executor; page: PageRequest }): Promise<Page<PublicAuctionCard>> {
  const visible = inArray(auctions.status, PUBLIC_AUCTION_STATUSES);
  const lotCount = db.$count(lots, sql`${lots.auctionId} = ${auctions.id}`);
  const [items, [total]] = await Promise.all([
    db
      .select({
        id: auctions.id,
        title: auctions.title,
        coverUrl: auctions.coverUrl,
        status: auctions.status,
        previewStartsAt: auctions.previewStartsAt,
        startsAt: auctions.startsAt,
        endsAt: auctions.endsAt,
        depositAmount: auctions.depositAmount,
        totalPrice: auctions.totalPrice,
        lotCount,
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
  return pageOf(items, total?.n ?? 0, page);
}
