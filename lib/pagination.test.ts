import { describe, expect, it } from 'vitest';
import { pageOf, pageRequest } from './pagination';

describe('pageRequest', () => {
  it('reads the page from the URL and falls back to 1 on nonsense', () => {
    expect(pageRequest('3', 10)).toEqual({ page: 3, pageSize: 10, offset: 20 });
    for (const raw of [undefined, '', '0', '-2', '1.5', 'abc', '1e9']) expect(pageRequest(raw, 10).page).toBe(1);
    expect(pageRequest(['2', '5'], 10).page).toBe(2);
  });

  it('counts pages, with at least one', () => {
    expect(pageOf([], 0, pageRequest(1, 10)).pages).toBe(1);
    expect(pageOf([], 21, pageRequest(1, 10)).pages).toBe(3);
  });
});
