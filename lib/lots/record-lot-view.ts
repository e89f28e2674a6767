import 'server-only';
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Database } from '@/db';
import { auctions, lots, lotViews } from '@/db/schema';
import { PUBLIC_AUCTION_STATUSES } from '@/lib/auctions/list-public-auctions';

/** The calendar day of `now` in the app's time zone, as YYYY-MM-DD. */
export function dayIn(now: Date, timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

/**
 * 围观: counts a visitor (a user id or an anonymous cookie id) once per lot per day in the
 * app's time zone. The (lot, visitor, day) key decides under any concurrency: only the
 * insert that lands bumps the counter, in the same transaction. Returns whether it counted.
 */
export async function recordLotView({
  db,
  lotId,
  visitor,
  now,
  timeZone,
}: {
  db: Database;
  lotId: number;
  visitor: string;
  now: Date;
  timeZone: string;
}): Promise<boolean> {
  return db.transaction(async (tx) => {
    // Only lots buyers can see are counted: a draft's id counts nothing.
    const [lot] = await tx
      .select({ id: lots.id })
      .from(lots)
      .innerJoin(auctions, eq(auctions.id, lots.auctionId))
      .where(and(eq(lots.id, lotId), inArray(auctions.status, PUBLIC_AUCTION_STATUSES)));
    if (!lot) return false;
    const inserted = await tx
      .insert(lotViews)
      .values({ lotId, visitor, day: dayIn(now, timeZone) })
      .onConflictDoNothing()
      .returning({ lotId: lotViews.lotId });
    if (inserted.length === 0) return false;
    await tx
      .update(lots)
      .set({ viewCount: sql`${lots.viewCount} + 1` })
      .where(eq(lots.id, lotId));
    return true;
  });
}
