import { describe, expect, it } from 'vitest';
import { extendedEnd, type AntiSniping } from './anti-sniping';

const MINUTE = 60_000;
const scheduled = new Date('2026-11-02T05:00:00Z');
const at = (offsetMs: number) => new Date(scheduled.getTime() + offsetMs);
const rules = (overrides: Partial<AntiSniping> = {}): AntiSniping => ({
  windowMinutes: 5,
  extensionMinutes: 5,
  capMinutes: null,
  ...overrides,
});

describe('extendedEnd', () => {
  it('extends a bid at exactly the window’s start, not one a millisecond before', () => {
    expect(
      extendedEnd({ endsAt: scheduled, scheduledEndsAt: scheduled, now: at(-5 * MINUTE), rules: rules() }),
    ).toEqual(at(0));
    expect(
      extendedEnd({ endsAt: scheduled, scheduledEndsAt: scheduled, now: at(-5 * MINUTE - 1), rules: rules() }),
    ).toEqual(scheduled);
    expect(extendedEnd({ endsAt: scheduled, scheduledEndsAt: scheduled, now: at(-1), rules: rules() })).toEqual(
      at(5 * MINUTE - 1),
    );
  });

  it('moves the end to the bid’s time plus the extension, never earlier than it is', () => {
    expect(
      extendedEnd({
        endsAt: scheduled,
        scheduledEndsAt: scheduled,
        now: at(-MINUTE),
        rules: rules({ windowMinutes: 10, extensionMinutes: 3 }),
      }),
    ).toEqual(at(2 * MINUTE));
    expect(
      extendedEnd({
        endsAt: scheduled,
        scheduledEndsAt: scheduled,
        now: at(-8 * MINUTE),
        rules: rules({ windowMinutes: 10, extensionMinutes: 3 }),
      }),
    ).toEqual(scheduled);
  });

  it('is off with a window of 0', () => {
    expect(
      extendedEnd({ endsAt: scheduled, scheduledEndsAt: scheduled, now: at(-1), rules: rules({ windowMinutes: 0 }) }),
    ).toEqual(scheduled);
  });

  it('stops at the cap, counted from the scheduled end, and never exceeds it', () => {
    const capped = rules({ capMinutes: 7 });
    expect(extendedEnd({ endsAt: at(4 * MINUTE), scheduledEndsAt: scheduled, now: at(MINUTE), rules: capped })).toEqual(
      at(6 * MINUTE),
    );
    // 2 min + 5 min would be 7 min: exactly the cap.
    expect(
      extendedEnd({ endsAt: at(6 * MINUTE), scheduledEndsAt: scheduled, now: at(2 * MINUTE), rules: capped }),
    ).toEqual(at(7 * MINUTE));
    expect(
      extendedEnd({ endsAt: at(7 * MINUTE), scheduledEndsAt: scheduled, now: at(7 * MINUTE - 1), rules: capped }),
    ).toEqual(at(7 * MINUTE));
  });

  it('never extends with a cap of 0', () => {
    expect(
      extendedEnd({ endsAt: scheduled, scheduledEndsAt: scheduled, now: at(-1), rules: rules({ capMinutes: 0 }) }),
    ).toEqual(scheduled);
  });
});
