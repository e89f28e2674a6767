/** 加价幅度: from each price upwards, bids rise by at least the increment (all fen). */
export type LadderStep = { minPrice: number; increment: number };

const yuan = (amount: number) => amount * 100;

/** Used by auctions without a ladder of their own, and by the demo data. */
export const DEFAULT_LADDER: readonly LadderStep[] = [
  { minPrice: 0, increment: yuan(10) },
  { minPrice: yuan(1_000), increment: yuan(50) },
  { minPrice: yuan(5_000), increment: yuan(100) },
  { minPrice: yuan(10_000), increment: yuan(200) },
  { minPrice: yuan(50_000), increment: yuan(500) },
  { minPrice: yuan(100_000), increment: yuan(1_000) },
];

export function incrementAt(price: number, ladder: readonly LadderStep[]): number {
  let increment = ladder[0]?.increment ?? 1;
  for (const step of ladder) if (price >= step.minPrice) increment = step.increment;
  return increment;
}

/** The least a bid may be: the start price first, then the current price plus one increment. */
export function minimumBid(
  lot: { currentPrice: number | null; startPrice: number },
  ladder: readonly LadderStep[],
): number {
  return lot.currentPrice === null
    ? Math.max(lot.startPrice, 1)
    : lot.currentPrice + incrementAt(lot.currentPrice, ladder);
}

/**
 * The highest bid in [from, to] that a maximum of `ceiling` can still answer on the ladder
 * (bid + its increment ≤ ceiling), or null. Searched band by band, since a ladder may
 * narrow its increment at a higher band and then `q + incrementAt(q)` is not monotone.
 */
export function highestAnswerableBid(
  { from, to, ceiling }: { from: number; to: number; ceiling: number },
  ladder: readonly LadderStep[],
): number | null {
  let best: number | null = null;
  for (const [index, step] of ladder.entries()) {
    const low = Math.max(from, index === 0 ? 0 : step.minPrice);
    const high = Math.min(to, (ladder[index + 1]?.minPrice ?? Number.MAX_SAFE_INTEGER) - 1, ceiling - step.increment);
    if (high >= low && high + incrementAt(high, ladder) <= ceiling && (best === null || high > best)) best = high;
  }
  return best;
}
