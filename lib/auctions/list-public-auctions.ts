import { count, inArray, sql, type SQL } from 'drizzle-orm';
import type { Executor } from '@/db';
import { auctions, type AuctionStatus } from '@/db/schema';
import { pageOf, type Page, type PageRequest } from '@/lib/pagination';
import { auctionClosesAtSql, auctionMachineColumns, auctionStatusAt } from '@/lib/auctions/machine-context';
import { auctionClosesAt } from '@/machines/auction';

/** What buyers may see: everything published, never drafts. */
export const PUBLIC_AUCTION_STATUSES: AuctionStatus[] = ['scheduled', 'preview', 'live', 'ended'];

export type PublicAuctionCard = {
  id: number;
  title: string;
  coverUrl: string | null;
  status: AuctionStatus;
  previewStartsAt: Date;
  startsAt: Date;
  /** When bidding closes: its last lot's end (staggered slots, anti-sniping), never before the auction's. */
  endsAt: Date;
  depositAmount: number;
  totalPrice: number;
  lotCount: number;
};

/**
 * One page of auction cards matching `where` in `orderBy`, each with the status its machine
 * has at `now` (not a late tick's). The home page's groups and the API's list both read this.
 */
export async function listAuctionCards({
  db,
  where,
  orderBy,
  page,
  now,
}: {
  db: Executor;
  where: SQL;
  orderBy: SQL[];
  page: PageRequest;
  now: Date;
}): Promise<Page<PublicAuctionCard>> {
  const [items, [total]] = await Promise.all([
    db
      .select({
        id: auctions.id,
        title: auctions.title,
        coverUrl: auctions.coverUrl,
        depositAmount: auctions.depositAmount,
        totalPrice: auctions.totalPrice,
        ...auctionMachineColumns,
      })
      .from(auctions)
      .where(where)
      .orderBy(...orderBy, auctions.id)
      .limit(page.pageSize)
      .offset(page.offset),
    db.select({ n: count() }).from(auctions).where(where),
  ]);
  const cards = items.map(({ openLots, lastLotEndsAt, previewEndsAt, ...card }) => {
    const machine = { ...card, previewEndsAt, openLots, lastLotEndsAt };
    return { ...card, endsAt: auctionClosesAt(machine), status: auctionStatusAt(machine, now) };
  });
  return pageOf(cards, total?.n ?? 0, page);
}

/**
 * Every published auction: live first (ending soonest first), then preview and upcoming
 * (starting soonest first), then ended (latest first).
 */
export function listPublicAuctions({ db, page, now }: { db: Executor; page: PageRequest; now: Date }) {
  return listAuctionCards({
    db,
    where: inArray(auctions.status, PUBLIC_AUCTION_STATUSES),
    orderBy: [
      sql`case ${auctions.status} when 'live' then 0 when 'preview' then 1 when 'scheduled' then 2 else 3 end`,
      sql`case ${auctions.status} when 'live' then extract(epoch from ${auctionClosesAtSql}) when 'ended' then -extract(epoch from ${auctionClosesAtSql}) else extract(epoch from ${auctions.startsAt}) end`,
    ],
    page,
    now,
  });
}
