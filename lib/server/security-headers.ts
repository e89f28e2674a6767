// Relative: next.config.ts loads this file, and its loader does not resolve the @/ alias.
import { WECHAT_JSSDK_URL } from '../payments/wechat-jssdk';

/**
 * The Content-Security-Policy of a page. Scripts run only with this response's nonce
 * (Next puts it on its own scripts when it finds the policy in the request headers);
 * 'strict-dynamic' lets those load the chunks they import. Inline style attributes stay
 * allowed: React and Next set some, and a style cannot run code.
 */
export function contentSecurityPolicy({
  nonce,
  frameOrigins,
  development,
}: {
  nonce: string;
  frameOrigins: string[];
  development: boolean;
}): string {
  // UploadThing serves uploaded pictures and videos from its own hosts.
  const uploads = 'https://*.ufs.sh https://utfs.io';
  return [
    "default-src 'self'",
    // Dev's fast refresh evaluates code; production never does.
    // The mini-program JSSDK (components/payments/checkout-handoff.ts) is loaded by our own
    // nonced code, which 'strict-dynamic' trusts; its exact file (not the whole host) is listed
    // for webviews that only speak CSP level 2 and ignore 'strict-dynamic'. Browsers honouring
    // it ignore host lists.
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic' ${WECHAT_JSSDK_URL}${development ? " 'unsafe-eval'" : ''}`,
    "style-src 'self' 'unsafe-inline'",
    `img-src 'self' blob: data: ${uploads}`,
    `media-src 'self' blob: ${uploads}`,
    "font-src 'self'",
    `connect-src 'self'${development ? ' ws:' : ''}`,
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    // The mini-program web-view and any other configured host may frame the pages.
    `frame-ancestors 'self'${frameOrigins.map((origin) => ` ${origin}`).join('')}`,
  ].join('; ');
}

/**
 * Route handlers answer JSON or a redirect, never a document: nothing in their answers may
 * load, run or be framed. proxy.ts leaves /api alone (a proxy makes Next buffer the whole
 * body before the handler can refuse it), so this policy is static, from next.config.ts.
 */
export const API_CONTENT_SECURITY_POLICY = "default-src 'none'; frame-ancestors 'none'";

/** Two years, as the HSTS preload list asks; only a production deployment sends it. */
const STRICT_TRANSPORT_SECURITY = 'max-age=63072000; includeSubDomains';

/**
 * The headers that depend on nothing but the build, for every answer, static files and
 * route handlers included (next.config.ts `headers()`).
 */
export function fixedSecurityHeaders({ production }: { production: boolean }): { key: string; value: string }[] {
  return [
    { key: 'X-Content-Type-Options', value: 'nosniff' },
    { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
    ...(production ? [{ key: 'Strict-Transport-Security', value: STRICT_TRANSPORT_SECURITY }] : []),
  ];
}

/** A fresh, unguessable nonce per response. */
export function newNonce(): string {
  return Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString('base64');
}
