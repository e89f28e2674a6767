import 'server-only';
import { asc, count, eq } from 'drizzle-orm';
import type { Executor } from '@/db';
import { lots } from '@/db/schema';
import type { LifecycleRules } from '@/lib/engine/rules';
import { pageOf, type Page, type PageRequest } from '@/lib/pagination';
import { lotOutcomeOf, selectLotOutcomes, type LotOutcome } from './lot-outcomes';

/** One page of an auction's lots in catalogue order, each as the machines see it at `now`. */
export async function listAuctionLots({
  db,
  auctionId,
  page,
  now,
  rules,
}: {
  db: Executor;
  auctionId: number;
  page: PageRequest;
  now: Date;
  rules: LifecycleRules;
}): Promise<Page<LotOutcome>> {
  const [rows, [total]] = await Promise.all([
    selectLotOutcomes(db)
      .where(eq(lots.auctionId, auctionId))
      .orderBy(asc(lots.position), asc(lots.id))
      .limit(page.pageSize)
      .offset(page.offset),
    db.select({ n: count() }).from(lots).where(eq(lots.auctionId, auctionId)),
  ]);
  return pageOf(
    rows.map((row) => lotOutcomeOf(row, now, rules)),
    total?.n ?? 0,
    page,
  );
}
