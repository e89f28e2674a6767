import { describe, expect, it } from 'vitest';
import { isOlderReading } from './live-order';

const mark = (bidCount: number, endsAt: string, serverNow: string) => ({ bidCount, endsAt, serverNow });
const applied = mark(3, '2026-12-04T20:00:00.000Z', '2026-12-04T19:00:10.000Z');

describe('isOlderReading', () => {
  it('refuses a reading with fewer bids, even with a later server time', () => {
    expect(isOlderReading(mark(2, applied.endsAt, '2026-12-04T19:00:11.000Z'), applied)).toBe(true);
  });

  it('takes more bids as newer, even with an earlier server time (another instance’s clock)', () => {
    expect(isOlderReading(mark(4, applied.endsAt, '2026-12-04T19:00:09.000Z'), applied)).toBe(false);
  });

  it('with the same bids, an earlier end is older and a later (anti-sniping) end newer', () => {
    expect(isOlderReading(mark(3, '2026-12-04T19:59:00.000Z', '2026-12-04T19:00:11.000Z'), applied)).toBe(true);
    expect(isOlderReading(mark(3, '2026-12-04T20:05:00.000Z', '2026-12-04T19:00:09.000Z'), applied)).toBe(false);
  });

  it('otherwise goes by the server time: a cached body from before is dropped, a same or later one kept', () => {
    expect(isOlderReading(mark(3, applied.endsAt, '2026-12-04T19:00:08.000Z'), applied)).toBe(true);
    expect(isOlderReading(mark(3, applied.endsAt, applied.serverNow), applied)).toBe(false);
    expect(isOlderReading(mark(3, applied.endsAt, '2026-12-04T19:00:11.000Z'), applied)).toBe(false);
  });
});
