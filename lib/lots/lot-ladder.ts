import 'server-only';
import { asc, eq } from 'drizzle-orm';
import type { Executor } from '@/db';
import { incrementLadderSteps } from '@/db/schema';
import { DEFAULT_LADDER, type LadderStep } from '@/lib/bidding/ladder';

/** The auction's own ladder, or the default one, as the bid verbs read it. */
export async function auctionLadder({
  db,
  ladderId,
}: {
  db: Executor;
  ladderId: number | null;
}): Promise<readonly LadderStep[]> {
  if (ladderId === null) return DEFAULT_LADDER;
  const steps = await db
    .select({ minPrice: incrementLadderSteps.minPrice, increment: incrementLadderSteps.increment })
    .from(incrementLadderSteps)
    .where(eq(incrementLadderSteps.ladderId, ladderId))
    .orderBy(asc(incrementLadderSteps.minPrice));
  return steps.length > 0 ? steps : DEFAULT_LADDER;
}
