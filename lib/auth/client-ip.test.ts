import { describe, expect, it } from 'vitest';
import { clientIp } from './client-ip';

const headers = (values: Record<string, string>) => new Headers(values);

describe('clientIp', () => {
  it('trusts no header by default, so a forged X-Forwarded-For changes nothing', () => {
    expect(clientIp(headers({ 'x-forwarded-for': '198.51.100.1' }), 'none')).toBeNull();
    expect(clientIp(headers({ 'x-real-ip': '198.51.100.1' }), 'none')).toBeNull();
  });

  it('on Vercel reads only the headers Vercel sets', () => {
    const forged = { 'x-forwarded-for': '6.6.6.6' };
    expect(clientIp(headers({ ...forged, 'x-vercel-forwarded-for': '203.0.113.9' }), 'vercel')).toBe('203.0.113.9');
    expect(clientIp(headers({ ...forged, 'x-real-ip': '203.0.113.8' }), 'vercel')).toBe('203.0.113.8');
    expect(clientIp(headers(forged), 'vercel')).toBeNull();
  });

  it('behind N proxies takes the Nth entry from the right, whatever the client prepended', () => {
    const chain = headers({ 'x-forwarded-for': '6.6.6.6, 7.7.7.7, 203.0.113.5, 10.0.0.2' });
    expect(clientIp(chain, 1)).toBe('10.0.0.2');
    expect(clientIp(chain, 2)).toBe('203.0.113.5');
    expect(clientIp(headers({ 'x-forwarded-for': '203.0.113.5' }), 2)).toBeNull();
    expect(clientIp(headers({}), 1)).toBeNull();
  });

  it('refuses values that are not addresses', () => {
    expect(clientIp(headers({ 'x-forwarded-for': 'evil, <script>' }), 1)).toBeNull();
    expect(clientIp(headers({ 'x-forwarded-for': `${'1'.repeat(100)}` }), 1)).toBeNull();
    expect(clientIp(headers({ 'x-forwarded-for': '2001:DB8::1' }), 1)).toBe('2001:db8::1');
  });
});
