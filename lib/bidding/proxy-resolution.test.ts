import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_LADDER, highestAnswerableBid, incrementAt, minimumBid, type LadderStep } from './ladder';
import { resolveProxies, type PriceState, type ProxyMaximum, type SystemBid } from './proxy-resolution';

const T0 = new Date('2026-11-02T04:00:00Z');
const yuan = (amount: number) => amount * 100;

/** Bids in order, as a lot would record them, with the price and leader after each request. */
function auction({
  startPrice = yuan(100),
  ladder = DEFAULT_LADDER,
}: { startPrice?: number; ladder?: readonly LadderStep[] } = {}) {
  let state: PriceState = { currentPrice: null, leaderId: null, startPrice };
  const proxies = new Map<number, ProxyMaximum>();
  const history: SystemBid[] = [];
  let clock = 0;
  const apply = (manual: { userId: number; amount: number } | null) => {
    const result = resolveProxies(state, [...proxies.values()], ladder, new Date(T0.getTime() + clock), manual);
    history.push(...result.bids);
    state = result.state;
    return result;
  };
  return {
    history,
    get state() {
      return state;
    },
    proxies,
    minimum: () => minimumBid(state, ladder),
    bid(userId: number, amount: number) {
      clock += 1;
      return apply({ userId, amount });
    },
    proxy(userId: number, maxAmount: number) {
      clock += 1;
      proxies.set(userId, {
        userId,
        maxAmount,
        setAt: new Date(T0.getTime() + clock),
        id: proxies.get(userId)?.id ?? proxies.size + 1,
      });
      return apply(null);
    },
  };
}

const A = 1;
const B = 2;
const C = 3;

describe('resolveProxies', () => {
  it('bids the minimum for a lone maximum, then answers a bid by hand with one increment', () => {
    const lot = auction();
    lot.proxy(A, yuan(300));
    lot.bid(B, yuan(150));
    expect(lot.history).toEqual([
      { userId: A, amount: yuan(100), isProxy: true },
      { userId: B, amount: yuan(150), isProxy: false },
      { userId: A, amount: yuan(160), isProxy: true },
    ]);
  });

  it('of equal maxima the earlier leads at that maximum, answering the later one’s highest bid it can', () => {
    const lot = auction();
    lot.proxy(A, yuan(300));
    lot.bid(B, yuan(150));
    lot.proxy(C, yuan(300));
    expect(lot.state).toMatchObject({ leaderId: A, currentPrice: yuan(300) });
    expect(lot.history.slice(3)).toEqual([
      { userId: C, amount: yuan(290), isProxy: true },
      { userId: A, amount: yuan(300), isProxy: true },
    ]);
  });

  it('a bid by hand equal to an earlier maximum is recorded, and that maximum keeps the lead at its amount (as on eBay)', () => {
    const lot = auction();
    lot.proxy(A, yuan(300));
    lot.bid(B, yuan(300));
    expect(lot.history).toEqual([
      { userId: A, amount: yuan(100), isProxy: true },
      { userId: B, amount: yuan(300), isProxy: false },
    ]);
    expect(lot.state).toMatchObject({ leaderId: A, currentPrice: yuan(300) });
    expect(lot.minimum()).toBe(yuan(310));
  });

  it('a higher maximum shows the leader’s maximum between its own bids, never the leader over himself', () => {
    const lot = auction();
    lot.bid(A, yuan(100));
    lot.proxy(B, yuan(300));
    lot.proxy(C, yuan(1_000));
    expect(lot.history).toEqual([
      { userId: A, amount: yuan(100), isProxy: false },
      { userId: B, amount: yuan(110), isProxy: true },
      { userId: C, amount: yuan(120), isProxy: true },
      { userId: B, amount: yuan(300), isProxy: true },
      { userId: C, amount: yuan(310), isProxy: true },
    ]);
  });

  it('never writes a loser’s maximum below the ladder (issue 8: ¥505 after ¥500)', () => {
    const lot = auction();
    lot.proxy(A, yuan(500));
    lot.bid(B, yuan(490));
    expect(lot.state).toMatchObject({ leaderId: A, currentPrice: yuan(500) });
    // A maximum just over the price is refused by the verbs; one at the next minimum is the least.
    lot.proxy(B, yuan(510));
    lot.proxy(C, yuan(900));
    expect(lot.state).toMatchObject({ leaderId: C, currentPrice: yuan(520) });
    for (const [index, bid] of lot.history.entries())
      if (index > 0)
        expect(bid.amount).toBeGreaterThanOrEqual(
          lot.history[index - 1]!.amount + incrementAt(lot.history[index - 1]!.amount, DEFAULT_LADDER),
        );
  });
});

describe('highestAnswerableBid', () => {
  it('finds the highest bid a maximum can still top on the ladder', () => {
    expect(highestAnswerableBid({ from: yuan(170), to: yuan(300), ceiling: yuan(300) }, DEFAULT_LADDER)).toBe(
      yuan(290),
    );
    expect(highestAnswerableBid({ from: yuan(170), to: yuan(300), ceiling: yuan(175) }, DEFAULT_LADDER)).toBeNull();
    // Across a band: below ¥1,000 the step is ¥10, from ¥1,000 it is ¥50.
    expect(highestAnswerableBid({ from: 0, to: yuan(2_000), ceiling: yuan(1_020) }, DEFAULT_LADDER)).toBe(
      yuan(999) + 99,
    );
  });
});

/** Ladders with 1–4 bands, increments in any order (a later band may be narrower). */
const ladderArb = fc
  .array(fc.record({ gap: fc.integer({ min: 1, max: 3_000 }), increment: fc.integer({ min: 1, max: 800 }) }), {
    minLength: 1,
    maxLength: 4,
  })
  .map((bands) => {
    let minPrice = 0;
    return bands.map(({ gap, increment }, index) => {
      if (index > 0) minPrice += gap;
      return { minPrice, increment };
    });
  });

const stepArb = fc.record({
  kind: fc.constantFrom('bid' as const, 'proxy' as const),
  user: fc.integer({ min: 1, max: 4 }),
  over: fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 50 }), fc.integer({ min: 0, max: 4_000 })),
});

describe('resolveProxies over random ladders, maxima and bids', () => {
  it('records a strictly rising sequence on the ladder, never the leader over himself, and the higher maximum (earlier on ties) leads', () => {
    fc.assert(
      fc.property(
        ladderArb,
        fc.integer({ min: 0, max: 2_000 }),
        fc.array(stepArb, { minLength: 1, maxLength: 30 }),
        (ladder, startPrice, steps) => {
          let state: PriceState = { currentPrice: null, leaderId: null, startPrice };
          const proxies = new Map<number, ProxyMaximum>();
          /** Per buyer, their highest bid by hand and their current maximum, each with when. */
          const byHand = new Map<number, { amount: number; at: number }>();
          const maxima = new Map<number, { amount: number; at: number }>();
          let last: number | null = null;
          for (const [time, step] of steps.entries()) {
            const now = new Date(T0.getTime() + time);
            const minimum = minimumBid(state, ladder);
            const amount = minimum + step.over;
            let manual: { userId: number; amount: number } | null = null;
            if (step.kind === 'bid') {
              if (state.leaderId === step.user) continue;
              manual = { userId: step.user, amount };
              byHand.set(step.user, { amount, at: time });
            } else {
              maxima.set(step.user, { amount, at: time });
              proxies.set(step.user, {
                userId: step.user,
                maxAmount: amount,
                setAt: now,
                id: proxies.get(step.user)?.id ?? proxies.size + 1,
              });
            }
            const result = resolveProxies(state, [...proxies.values()], ladder, now, manual);
            let leader = state.leaderId;
            for (const bid of result.bids) {
              expect(bid.amount).toBeGreaterThanOrEqual(
                last === null ? Math.max(startPrice, 1) : minimumBid({ currentPrice: last, startPrice }, ladder),
              );
              expect(bid.userId).not.toBe(leader);
              if (bid.isProxy) expect(bid.amount).toBeLessThanOrEqual(proxies.get(bid.userId)!.maxAmount);
              else expect(bid).toEqual({ ...manual, isProxy: false });
              last = bid.amount;
              leader = bid.userId;
            }
            state = result.state;
            expect(state.currentPrice).toBe(last);
            const offers = [...new Set([...byHand.keys(), ...maxima.keys()])].map((userId) => {
              const [hand, max] = [byHand.get(userId), maxima.get(userId)];
              return [userId, !max || (hand && hand.amount > max.amount) ? hand! : max] as const;
            });
            const best = offers.reduce((a, b) =>
              b[1].amount > a[1].amount || (b[1].amount === a[1].amount && b[1].at < a[1].at) ? b : a,
            );
            expect(state.leaderId).toBe(best[0]);
          }
        },
      ),
      { numRuns: 500 },
    );
  });
});
