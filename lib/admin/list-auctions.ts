import 'server-only';
import { ilike, inArray, sql } from 'drizzle-orm';
import type { Executor } from '@/db';
import { auctions, lots, type AuctionStatus } from '@/db/schema';
import { auctionMachineColumns, auctionStatusAt } from '@/lib/auctions/machine-context';
import { pageOf, type Page, type PageRequest } from '@/lib/pagination';
import { statusIn } from '@/lib/sql/machine-status';
import { SOLD_LOT_STATUSES } from '@/machines/lot';
import type { AuctionListFilter } from './auction-list-filter';

export type AdminAuctionRow = {
  id: number;
  title: string;
  status: AuctionStatus;
  previewStartsAt: Date;
  startsAt: Date;
  endsAt: Date;
  totalPrice: number;
  lotCount: number;
  bidCount: number;
  viewCount: number;
};

const escapeLike = (text: string) => text.replace(/[\\%_]/g, (char) => `\\${char}`);

/**
 * Every auction, drafts included, for the back office: filtered by the status the machine
 * shows at `now` (not a late tick's), searched by title, sorted, one page. Statuses are the
 * machine's, so the filter and sort run on the auctions' few columns first and the page's
 * figures (bids, views, 成交额 so far) are summed for its rows only.
 */
export async function listAuctionsForAdmin({
  db,
  page,
  now,
  filter = { sort: 'startsDesc' },
}: {
  db: Executor;
  page: PageRequest;
  now: Date;
  filter?: AuctionListFilter;
}): Promise<Page<AdminAuctionRow>> {
  const candidates = await db
    .select({ id: auctions.id, title: auctions.title, ...auctionMachineColumns })
    .from(auctions)
    .where(filter.q ? ilike(auctions.title, `%${escapeLike(filter.q)}%`) : undefined);
  const matching = candidates
    .map((row) => ({ ...row, status: auctionStatusAt(row, now) }))
    .filter((row) => !filter.status || row.status === filter.status);
  const figures = new Map(
    (filter.sort === 'turnover'
      ? await figuresOf(
          db,
          matching.map((row) => row.id),
        )
      : []
    ).map((row) => [row.id, row]),
  );
  const byTime = (a: Date, b: Date) => a.getTime() - b.getTime();
  const order: Record<
    AuctionListFilter['sort'],
    (a: (typeof matching)[number], b: (typeof matching)[number]) => number
  > = {
    startsDesc: (a, b) => byTime(b.startsAt, a.startsAt) || b.id - a.id,
    startsAsc: (a, b) => byTime(a.startsAt, b.startsAt) || a.id - b.id,
    endsDesc: (a, b) => byTime(b.endsAt, a.endsAt) || b.id - a.id,
    title: (a, b) => a.title.localeCompare(b.title, 'zh-CN') || a.id - b.id,
    turnover: (a, b) => (figures.get(b.id)?.turnover ?? 0) - (figures.get(a.id)?.turnover ?? 0) || b.id - a.id,
  };
  const pageRows = matching.sort(order[filter.sort]).slice(page.offset, page.offset + page.pageSize);
  const pageFigures =
    filter.sort === 'turnover'
      ? figures
      : new Map(
          (
            await figuresOf(
              db,
              pageRows.map((row) => row.id),
            )
          ).map((row) => [row.id, row]),
        );
  const rows = pageRows.map((row) => {
    const sums = pageFigures.get(row.id);
    return {
      id: row.id,
      title: row.title,
      status: row.status,
      previewStartsAt: row.previewStartsAt,
      startsAt: row.startsAt,
      endsAt: row.endsAt,
      totalPrice: sums?.turnover ?? 0,
      lotCount: row.lotCount,
      bidCount: sums?.bids ?? 0,
      viewCount: sums?.views ?? 0,
    };
  });
  return pageOf(rows, matching.length, page);
}

/** Per auction: bids, 围观 (lot views), and deal prices of lots sold so far. */
async function figuresOf(db: Executor, auctionIds: number[]) {
  if (auctionIds.length === 0) return [];
  return db
    .select({
      id: lots.auctionId,
      bids: sql<number>`coalesce(sum(${lots.bidCount}), 0)`.mapWith(Number),
      views: sql<number>`coalesce(sum(${lots.viewCount}), 0)`.mapWith(Number),
      turnover:
        sql<number>`coalesce(sum(${lots.dealPrice}) filter (where ${statusIn(sql`${lots.status}`, SOLD_LOT_STATUSES)}), 0)`.mapWith(
          Number,
        ),
    })
    .from(lots)
    .where(inArray(lots.auctionId, auctionIds))
    .groupBy(lots.auctionId);
}
