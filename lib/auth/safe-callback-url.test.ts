import { describe, expect, it } from 'vitest';
import { safeCallbackUrl } from './safe-callback-url';

const app = 'https://gavel.example.com';

describe('safeCallbackUrl', () => {
  it('keeps same-site paths and same-origin URLs, as paths', () => {
    expect(safeCallbackUrl('/admin', app)).toBe('/admin');
    expect(safeCallbackUrl('/auctions/1?tab=lots#bids', app)).toBe('/auctions/1?tab=lots#bids');
    expect(safeCallbackUrl('https://gavel.example.com/admin', app)).toBe('/admin');
  });

  it('refuses anything that could leave the site', () => {
    for (const url of [
      'https://evil.example',
      '//evil.example',
      '/\\evil.example',
      '\\\\evil.example',
      '/\t/evil.example',
      '/\n/evil.example',
      '/\r\n/evil.example',
      '\t//evil.example',
      ' //evil.example',
      '/.//evil.example',
      '/%2e//evil.example',
      'http://gavel.example.com/admin',
      'javascript:alert(1)',
      'data:text/html,hi',
      '',
      undefined,
      null,
      ['/admin'],
    ]) {
      expect(safeCallbackUrl(url, app), JSON.stringify(url)).toBe('/');
    }
  });

  it('percent-encodes what cannot go raw into a Location header', () => {
    expect(safeCallbackUrl('/茶', app)).toBe('/%E8%8C%B6');
    expect(safeCallbackUrl('/a b?q=龙井', app)).toBe('/a%20b?q=%E9%BE%99%E4%BA%95');
    expect(safeCallbackUrl('/a\rb', app)).toBe('/');
  });
});
