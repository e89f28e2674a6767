import 'server-only';
import { asc, eq } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { incrementLadders, incrementLadderSteps } from '@/db/schema';
import { DEFAULT_LADDER, type LadderStep } from '@/lib/bidding/ladder';

/**
 * A new ladder owned by one auction. Ladders are never edited in place: the demo data shares
 * one between auctions, so changing an auction's bands gives it a ladder of its own.
 */
export async function createOwnLadder(tx: Executor, { name, steps }: { name: string; steps: readonly LadderStep[] }) {
  const [ladder] = await tx.insert(incrementLadders).values({ name }).returning({ id: incrementLadders.id });
  await tx.insert(incrementLadderSteps).values(steps.map((step) => ({ ladderId: ladder!.id, ...step })));
  return ladder!.id;
}

/** An auction's bands, lowest first; the default ladder when it has none of its own. */
export async function ladderSteps(tx: Executor, ladderId: number | null): Promise<LadderStep[]> {
  if (ladderId === null) return [...DEFAULT_LADDER];
  return tx
    .select({ minPrice: incrementLadderSteps.minPrice, increment: incrementLadderSteps.increment })
    .from(incrementLadderSteps)
    .where(eq(incrementLadderSteps.ladderId, ladderId))
    .orderBy(asc(incrementLadderSteps.minPrice));
}

export const sameLadder = (a: readonly LadderStep[], b: readonly LadderStep[]) =>
  a.length === b.length && a.every((step, i) => step.minPrice === b[i]!.minPrice && step.increment === b[i]!.increment);
