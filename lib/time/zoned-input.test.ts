import { describe, expect, it } from 'vitest';
import { fromZonedInput, toZonedInput, zonedDateTimeField } from './zoned-input';

describe('date-times typed in APP_TIME_ZONE', () => {
  it('reads a Shanghai wall-clock time as the instant eight hours earlier in UTC', () => {
    expect(fromZonedInput('2026-12-05T20:00', 'Asia/Shanghai')?.toISOString()).toBe('2026-12-05T12:00:00.000Z');
    expect(toZonedInput(new Date('2026-12-05T12:00:00Z'), 'Asia/Shanghai')).toBe('2026-12-05T20:00');
  });

  it('follows daylight saving where the zone has it', () => {
    expect(fromZonedInput('2026-07-01T09:00', 'Europe/Berlin')?.toISOString()).toBe('2026-07-01T07:00:00.000Z');
    expect(fromZonedInput('2026-01-01T09:00', 'Europe/Berlin')?.toISOString()).toBe('2026-01-01T08:00:00.000Z');
  });

  it('refuses what is not a real date-time', () => {
    for (const value of ['2026-02-30T10:00', '2026-12-05 20:00', '2026-12-05T25:00', '', 'tomorrow']) {
      expect(fromZonedInput(value, 'Asia/Shanghai')).toBeNull();
    }
    const result = zonedDateTimeField('Asia/Shanghai').safeParse('2026-02-30T10:00');
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toBe('validation.dateTimeInvalid');
  });
});
