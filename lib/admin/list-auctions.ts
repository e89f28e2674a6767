import { count, desc } from 'drizzle-orm';
import type { Executor } from '@/db';
import { auctions, type AuctionStatus } from '@/db/schema';
import { auctionMachineColumns, auctionStatusAt } from '@/lib/auctions/machine-context';
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

/**
 * Every auction, drafts included, newest schedule first. The status shown is the machine's
 * at `now`, not a late tick's.
 */
export async function listAuctionsForAdmin({
  db,
  page,
  now,
}: {
  db: Executor;
  page: PageRequest;
  now: Date;
}): Promise<Page<AdminAuctionRow>> {
  const [items, [total]] = await Promise.all([
    db
      .select({ id: auctions.id, title: auctions.title, totalPrice: auctions.totalPrice, ...auctionMachineColumns })
      .from(auctions)
      .orderBy(desc(auctions.startsAt), desc(auctions.id))
      .limit(page.pageSize)
      .offset(page.offset),
    db.select({ n: count() }).from(auctions),
  ]);
  const rows = items.map((row) => ({
    id: row.id,
    title: row.title,
    status: auctionStatusAt(row, now),
    startsAt: row.startsAt,
    endsAt: row.endsAt,
    totalPrice: row.totalPrice,
    lotCount: row.lotCount,
  }));
  return pageOf(rows, total?.n ?? 0, page);
}
