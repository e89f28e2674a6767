import { count, desc, sql } from 'drizzle-orm';
import type { Executor } from '@/db';
import { auctions, lots, type AuctionStatus } from '@/db/schema';
import { pageOf, type Page, type PageRequest } from '@/lib/pagination';

export type AdminAuctionRow = {
  id: number;
  title: string;
  status: AuctionStatus;
  startsAt: Date;
  endsAt: Date;
  totalPrice: number;
  lotCount: number;
};

/** Every auction, drafts included, newest schedule first. */
export async function listAuctionsForAdmin({ db, page }: { db: Executor; page: PageRequest }): Promise<Page<AdminAuctionRow>> {
  const [items, [total]] = await Promise.all([
    db
      .select({
        id: auctions.id,
        title: auctions.title,
        status: auctions.status,
        startsAt: auctions.startsAt,
        endsAt: auctions.endsAt,
        totalPrice: auctions.totalPrice,
        lotCount: db.$count(lots, sql`${lots.auctionId} = ${auctions.id}`),
      })
      .from(auctions)
      .orderBy(desc(auctions.startsAt), desc(auctions.id))
      .limit(page.pageSize)
      .offset(page.offset),
    db.select({ n: count() }).from(auctions),
  ]);
  return pageOf(items, total?.n ?? 0, page);
}
