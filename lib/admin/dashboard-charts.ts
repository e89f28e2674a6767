import 'server-only';
import { TZDate } from '@date-fns/tz';
import { addHours, format, startOfHour } from 'date-fns';
import { and, desc, eq, gte, isNotNull, lte, sql } from 'drizzle-orm';
import type { Executor } from '@/db';
import { auctions, bids } from '@/db/schema';
import { lateEndedAuctions } from './dashboard-stats';

export type DashboardCharts = {
  /** The last ended auctions, oldest first: title and turnover in fen. */
  turnoverByAuction: { id: number; title: string; turnover: number }[];
  /** The last 24 hours on the wall clock of `timeZone`, oldest first: "HH:00" and bids placed. */
  bidsByHour: { hour: string; bids: number }[];
};

const HOURS = 24;

/** What the dashboard charts draw, as the machines read at `now`. */
export async function dashboardCharts({
  db,
  now,
  timeZone,
  auctionCount = 8,
}: {
  db: Executor;
  now: Date;
  timeZone: string;
  auctionCount?: number;
}): Promise<DashboardCharts> {
  // Hours start on the operator's wall clock (a zone half an hour off UTC included).
  const firstHour = addHours(startOfHour(new TZDate(now, timeZone)), 1 - HOURS);
  const since = new Date(firstHour.getTime());
  const [stored, late, perHour] = await Promise.all([
    db
      .select({ id: auctions.id, title: auctions.title, endedAt: auctions.endedAt, turnover: auctions.totalPrice })
      .from(auctions)
      .where(and(eq(auctions.status, 'ended'), isNotNull(auctions.endedAt)))
      .orderBy(desc(auctions.endedAt), desc(auctions.id))
      .limit(auctionCount),
    lateEndedAuctions({ db, now }),
    db
      .select({
        index: sql<number>`floor(extract(epoch from (${bids.placedAt} - ${since}::timestamptz)) / 3600)::int`.mapWith(
          Number,
        ),
        n: sql<number>`count(*)::int`.mapWith(Number),
      })
      .from(bids)
      .where(and(gte(bids.placedAt, since), lte(bids.placedAt, now)))
      .groupBy(sql`1`),
  ]);
  const ended = [...stored.map((row) => ({ ...row, endedAt: row.endedAt! })), ...late]
    .sort((a, b) => b.endedAt.getTime() - a.endedAt.getTime() || b.id - a.id)
    .slice(0, auctionCount)
    .reverse();
  return {
    turnoverByAuction: ended.map(({ id, title, turnover }) => ({ id, title, turnover })),
    bidsByHour: Array.from({ length: HOURS }, (_, index) => ({
      hour: format(addHours(firstHour, index), 'HH:00'),
      bids: perHour.find((row) => row.index === index)?.n ?? 0,
    })),
  };
}
