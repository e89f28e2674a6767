import { describe, expect, it } from 'vitest';
import { WECHAT_JSSDK_URL } from '@/lib/payments/wechat-jssdk';
import { API_CONTENT_SECURITY_POLICY, contentSecurityPolicy, fixedSecurityHeaders, newNonce } from './security-headers';

const directive = (policy: string, name: string) => policy.split('; ').find((part) => part.startsWith(`${name} `));

describe('contentSecurityPolicy', () => {
  it('allows scripts only with the nonce, and no eval in production', () => {
    const policy = contentSecurityPolicy({ nonce: 'abc123', frameOrigins: [], development: false });
    expect(directive(policy, 'script-src')).toBe(
      "script-src 'self' 'nonce-abc123' 'strict-dynamic' https://res.wx.qq.com/open/js/jweixin-1.6.0.js",
    );
    expect(policy).not.toContain('unsafe-eval');
    expect(directive(policy, 'object-src')).toBe("object-src 'none'");
  });

  it('allows of WeChat’s host only the exact JSSDK file the mini-program hand-off loads, nothing else there', () => {
    const scripts = directive(
      contentSecurityPolicy({ nonce: 'n', frameOrigins: [], development: false }),
      'script-src',
    );
    expect(scripts?.split(' ').filter((source) => source.includes('wx.qq.com'))).toEqual([WECHAT_JSSDK_URL]);
  });

  it('lets only the app itself and the configured web-view origins frame the pages', () => {
    expect(
      directive(contentSecurityPolicy({ nonce: 'n', frameOrigins: [], development: false }), 'frame-ancestors'),
    ).toBe("frame-ancestors 'self'");
    expect(
      directive(
        contentSecurityPolicy({ nonce: 'n', frameOrigins: ['https://servicewechat.com'], development: false }),
        'frame-ancestors',
      ),
    ).toBe("frame-ancestors 'self' https://servicewechat.com");
  });

  it('makes a new nonce each time', () => {
    expect(newNonce()).not.toBe(newNonce());
    expect(newNonce()).toMatch(/^[A-Za-z0-9+/]{22}==$/);
  });
});

describe('fixedSecurityHeaders', () => {
  const names = (production: boolean) => fixedSecurityHeaders({ production }).map(({ key }) => key.toLowerCase());

  it('sends HSTS only from a production build', () => {
    expect(names(true)).toEqual(['x-content-type-options', 'referrer-policy', 'strict-transport-security']);
    expect(names(false)).not.toContain('strict-transport-security');
  });
});

describe('API_CONTENT_SECURITY_POLICY', () => {
  it('lets an API answer load nothing and be framed by nobody', () => {
    expect(directive(API_CONTENT_SECURITY_POLICY, 'default-src')).toBe("default-src 'none'");
    expect(API_CONTENT_SECURITY_POLICY.split('; ')).toContain("frame-ancestors 'none'");
  });
});
