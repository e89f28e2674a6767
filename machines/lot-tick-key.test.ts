import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { LotStatus } from '@/db/schema/auctions';
import { catchUp } from './lifecycle';
import { lotMachine, lotTickKey, type LotContext } from './lot';

const NOW = Date.UTC(2026, 10, 1, 12);
const HOUR = 3_600_000;
const statuses: LotStatus[] = [
  'draft',
  'scheduled',
  'preview',
  'live',
  'sold',
  'unsold',
  'paid',
  'overdue',
  'cancelled',
];

/** An instant on a chosen side of NOW (at NOW counts as reached), anywhere within two days. */
const instantOn = (reached: boolean) =>
  fc.integer({ min: 0, max: 48 * HOUR }).map((offset) => new Date(reached ? NOW - offset : NOW + 1 + offset));

const price = fc.integer({ min: 100, max: 10_000_000 });

/** Bids that make a winner (a bid at or over any reserve) or not (no bid, or the reserve unmet). */
const bidsWith = (winning: boolean) =>
  winning
    ? fc
        .record({ bidCount: fc.integer({ min: 1, max: 500 }), currentPrice: price })
        .chain((bids) =>
          fc
            .option(fc.integer({ min: 0, max: bids.currentPrice }), { nil: null })
            .map((reservePrice) => ({ ...bids, reservePrice })),
        )
    : fc.oneof(
        fc.record({
          bidCount: fc.constant(0),
          currentPrice: fc.option(price, { nil: null }),
          reservePrice: fc.option(price, { nil: null }),
        }),
        fc
          .record({ bidCount: fc.integer({ min: 1, max: 500 }), currentPrice: price })
          .chain((bids) =>
            fc
              .integer({ min: bids.currentPrice + 1, max: 20_000_000 })
              .map((reservePrice) => ({ ...bids, reservePrice })),
          ),
      );

/** A lot context with the given facts, every other value free. */
const contextWith = ([preview, live, ended, winning]: boolean[]) =>
  fc
    .tuple(instantOn(preview!), instantOn(live!), instantOn(ended!), bidsWith(winning!))
    .map(([previewStartsAt, startsAt, endsAt, bids]): LotContext => ({ previewStartsAt, startsAt, endsAt, ...bids }));

describe('lotTickKey', () => {
  it('names everything the TICK guards read: lots with the same key take the same path', () => {
    const facts = fc.array(fc.boolean(), { minLength: 4, maxLength: 4 });
    // Pairs share their facts half of the time, and are drawn independently otherwise, so a
    // key that leaves out a fact the guards read is caught giving two paths one key.
    const pair = fc.oneof(
      facts.chain((shared) => fc.tuple(contextWith(shared), contextWith(shared))),
      fc.tuple(facts.chain(contextWith), facts.chain(contextWith)),
    );
    let compared = 0;
    fc.assert(
      fc.property(fc.constantFrom(...statuses), pair, (status, [first, second]) => {
        const now = new Date(NOW);
        if (lotTickKey(status, first, now) !== lotTickKey(status, second, now)) return;
        compared += 1;
        expect(catchUp(lotMachine, status, first, now)).toEqual(catchUp(lotMachine, status, second, now));
      }),
      { numRuns: 3_000 },
    );
    // Half the pairs share their facts, so most runs must have compared two paths.
    expect(compared).toBeGreaterThan(1_000);
  });

  it('tells apart a lot with a winning bid from one whose reserve is not met', () => {
    const now = new Date(NOW);
    const ended: LotContext = {
      previewStartsAt: new Date(NOW - 3 * HOUR),
      startsAt: new Date(NOW - 2 * HOUR),
      endsAt: new Date(NOW - HOUR),
      bidCount: 3,
      currentPrice: 5_000,
      reservePrice: 4_000,
    };
    const belowReserve = { ...ended, reservePrice: 6_000 };
    expect(lotTickKey('live', ended, now)).not.toBe(lotTickKey('live', belowReserve, now));
    expect(catchUp(lotMachine, 'live', ended, now).status).toBe('sold');
    expect(catchUp(lotMachine, 'live', belowReserve, now).status).toBe('unsold');
  });
});
