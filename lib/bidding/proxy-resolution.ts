import { highestAnswerableBid, incrementAt, minimumBid, type LadderStep } from './ladder';

/** 代理出价: the most a buyer lets the system bid for them. */
export type ProxyMaximum = { userId: number; maxAmount: number; setAt: Date; id: number };

export type PriceState = { currentPrice: number | null; leaderId: number | null; startPrice: number };

/** A bid to record; `isProxy` when the system placed it for a maximum. */
export type SystemBid = { userId: number; amount: number; isProxy: boolean };

/** A side in one duel: a maximum, or a buyer's own bid (`fixed`: it can only show at its amount). */
type Contender = ProxyMaximum & { fixed: boolean };

/** Sorts after every stored row, so a contender made up now loses ties to any real maximum. */
const LAST = Number.MAX_SAFE_INTEGER;

/** Higher maximum first; between equal maxima the earlier one (then the older row). */
function stronger(a: ProxyMaximum, b: ProxyMaximum): boolean {
  if (a.maxAmount !== b.maxAmount) return a.maxAmount > b.maxAmount;
  if (a.setAt.getTime() !== b.setAt.getTime()) return a.setAt < b.setAt;
  return a.id < b.id;
}

/**
 * Plays out a buyer's bid (if any) and the proxy maxima against the current price and
 * leader, returning every bid to record, in order, and the resulting price and leader.
 *
 * The higher maximum always leads (of equal ones the earlier) at the loser's maximum plus
 * one increment, capped at its own maximum — as on eBay. Every recorded bid meets the
 * ladder's minimum over the one before it, and nobody bids over their own leading bid, so a
 * duel is written as the bids a step-by-step war would end with:
 *  - a challenger beating the leader bids the minimum, the leader's maximum answers, and the
 *    challenger tops it; when the leader's maximum cannot be shown that way the challenger
 *    bids the final price at once;
 *  - a leader's maximum beating a challenger answers the challenger's maximum (or, when its
 *    cap leaves no room above that, the highest bid of the challenger it can still answer);
 *  - when the leader's maximum covers a bid but the ladder leaves it no answer above it —
 *    in particular a bid by hand equal to an earlier maximum — that bid is recorded and the
 *    earlier maximum keeps the lead at its amount.
 * A leader without a maximum that covers the next minimum stands on their current bid.
 * Pure: the caller checks `manual` against the ladder and persists the bids.
 */
export function resolveProxies(
  state: PriceState,
  proxies: readonly ProxyMaximum[],
  ladder: readonly LadderStep[],
  now: Date,
  manual: { userId: number; amount: number } | null = null,
): { bids: SystemBid[]; state: PriceState } {
  const bids: SystemBid[] = [];
  let current = { ...state };
  const record = (contender: Contender, amount: number) =>
    bids.push({ userId: contender.userId, amount, isProxy: !contender.fixed });
  for (let round = 0; round < proxies.length + 2; round++) {
    const floor = minimumBid(current, ladder);
    const challenger: Contender | undefined =
      round === 0 && manual
        ? { userId: manual.userId, maxAmount: manual.amount, setAt: now, id: LAST, fixed: true }
        : proxies
            .filter((p) => p.userId !== current.leaderId && p.maxAmount >= floor)
            .reduce<Contender | undefined>(
              (best, p) => (best === undefined || stronger(p, best) ? { ...p, fixed: false } : best),
              undefined,
            );
    if (!challenger) break;
    const price = current.currentPrice;
    if (current.leaderId === null || price === null) {
      const amount = challenger.fixed ? challenger.maxAmount : floor;
      record(challenger, amount);
      current = { ...current, currentPrice: amount, leaderId: challenger.userId };
      continue;
    }
    const leaderProxy = proxies.find((p) => p.userId === current.leaderId && p.maxAmount >= floor);
    const defender: Contender = leaderProxy
      ? { ...leaderProxy, fixed: false }
      : { userId: current.leaderId, maxAmount: price, setAt: now, id: LAST, fixed: true };
    current = stronger(challenger, defender)
      ? challengerWins(challenger, defender, floor)
      : leaderHolds(defender, challenger, floor);
  }
  return { bids, state: current };

  function challengerWins(winner: Contender, leader: Contender, floor: number): PriceState {
    if (winner.fixed) {
      record(winner, winner.maxAmount);
      return { ...current, currentPrice: winner.maxAmount, leaderId: winner.userId };
    }
    const final = Math.min(winner.maxAmount, Math.max(floor, leader.maxAmount + incrementAt(leader.maxAmount, ladder)));
    if (
      !leader.fixed &&
      leader.maxAmount >= minimumBid({ ...current, currentPrice: floor }, ladder) &&
      final >= leader.maxAmount + incrementAt(leader.maxAmount, ladder)
    ) {
      record(winner, floor);
      record(leader, leader.maxAmount);
    }
    record(winner, final);
    return { ...current, currentPrice: final, leaderId: winner.userId };
  }

  function leaderHolds(leader: Contender, loser: Contender, floor: number): PriceState {
    const answer = loser.maxAmount + incrementAt(loser.maxAmount, ladder);
    if (leader.maxAmount >= answer) {
      record(loser, loser.maxAmount);
      record(leader, answer);
      return { ...current, currentPrice: answer };
    }
    const shown = loser.fixed
      ? null
      : highestAnswerableBid({ from: floor, to: loser.maxAmount, ceiling: leader.maxAmount }, ladder);
    if (shown !== null) {
      record(loser, shown);
      record(leader, leader.maxAmount);
      return { ...current, currentPrice: leader.maxAmount };
    }
    record(loser, loser.maxAmount);
    return { ...current, currentPrice: loser.maxAmount };
  }
}
