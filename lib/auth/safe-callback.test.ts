import { describe, expect, it } from 'vitest';
import { safeCallbackUrl } from './safe-callback';

describe('safeCallbackUrl', () => {
  it('keeps same-site paths', () => {
    expect(safeCallbackUrl('/admin')).toBe('/admin');
    expect(safeCallbackUrl('/auctions/1?tab=lots')).toBe('/auctions/1?tab=lots');
  });

  it('refuses anything that could leave the site', () => {
    for (const url of ['https://evil.example', '//evil.example', '/\\evil.example', 'javascript:alert(1)', '', undefined, null]) {
      expect(safeCallbackUrl(url)).toBe('/');
    }
  });
});
