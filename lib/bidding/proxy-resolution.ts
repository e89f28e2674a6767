import { incrementAt, minimumBid, type LadderStep } from './ladder';

/** 代理出价: the most a buyer lets the system bid for them. */
export type ProxyMaximum = { userId: number; maxAmount: number; setAt: Date; id: number };

export type PriceState = { currentPrice: number | null; leaderId: number | null; startPrice: number };

export type SystemBid = { userId: number; amount: number };

/** Higher maximum first; between equal maxima the earlier one (then the older row). */
function stronger(a: ProxyMaximum, b: ProxyMaximum): boolean {
  if (a.maxAmount !== b.maxAmount) return a.maxAmount > b.maxAmount;
  if (a.setAt.getTime() !== b.setAt.getTime()) return a.setAt < b.setAt;
  return a.id < b.id;
}

/**
 * Plays out the proxy maxima against the current price and leader, returning the bids the
 * system places, in order, each strictly above the last. In every duel the stronger maximum
 * leads at the weaker one's maximum plus one increment, capped at its own maximum; the
 * weaker side's maximum is shown as a bid when it lies between. A leader without a proxy
 * defends with their current bid only. Pure: the caller persists the bids.
 */
export function resolveProxies(state: PriceState, proxies: readonly ProxyMaximum[], ladder: readonly LadderStep[], now: Date): { bids: SystemBid[]; state: PriceState } {
  const bids: SystemBid[] = [];
  let current = { ...state };
  const beaten = new Set<number>();
  for (let round = 0; round < proxies.length + 1; round++) {
    const floor = minimumBid(current, ladder);
    const challenger = proxies
      .filter((p) => p.userId !== current.leaderId && !beaten.has(p.id) && p.maxAmount >= floor)
      .reduce<ProxyMaximum | null>((best, p) => (best === null || stronger(p, best) ? p : best), null);
    if (!challenger) break;
    const leaderProxy = proxies.find((p) => p.userId === current.leaderId && !beaten.has(p.id));
    const price = current.currentPrice;
    // A leader with no proxy (or one below their own bid) stands on their bid, placed now.
    const defender: ProxyMaximum | null =
      current.leaderId === null || price === null
        ? null
        : leaderProxy && leaderProxy.maxAmount > price
          ? leaderProxy
          : { userId: current.leaderId, maxAmount: price, setAt: now, id: Number.MAX_SAFE_INTEGER };
    if (!defender) {
      bids.push({ userId: challenger.userId, amount: floor });
      current = { ...current, currentPrice: floor, leaderId: challenger.userId };
      continue;
    }
    const [winner, loser] = stronger(challenger, defender) ? [challenger, defender] : [defender, challenger];
    const final = Math.min(winner.maxAmount, Math.max(floor, loser.maxAmount + incrementAt(loser.maxAmount, ladder)));
    if (price !== null && loser.maxAmount > price && loser.maxAmount < final) bids.push({ userId: loser.userId, amount: loser.maxAmount });
    bids.push({ userId: winner.userId, amount: final });
    current = { ...current, currentPrice: final, leaderId: winner.userId };
    beaten.add(loser.id);
  }
  return { bids, state: current };
}
