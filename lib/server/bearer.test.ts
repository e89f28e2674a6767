import { describe, expect, it } from 'vitest';
import { bearerMatches } from './bearer';

describe('bearerMatches', () => {
  const secret = 'cron-secret-0123456789abcdef';

  it('accepts exactly the configured secret', () => {
    expect(bearerMatches(`Bearer ${secret}`, secret)).toBe(true);
  });

  it.each([
    null,
    '',
    'Bearer ',
    secret,
    `Bearer ${secret}x`,
    `bearer ${secret}`,
    `Basic ${secret}`,
    `Bearer ${secret.slice(0, -1)}`,
  ])('refuses %j', (header) => {
    expect(bearerMatches(header, secret)).toBe(false);
  });
});
