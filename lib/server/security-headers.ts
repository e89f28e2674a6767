/**
 * The Content-Security-Policy of a page. Scripts run only with this response's nonce
 * (Next puts it on its own scripts when it finds the policy in the request headers);
 * 'strict-dynamic' lets those load the chunks they import. Inline style attributes stay
 * allowed: React and Next set some, and a style cannot run code.
 */
export function contentSecurityPolicy({ nonce, frameOrigins, development }: { nonce: string; frameOrigins: string[]; development: boolean }): string {
  // UploadThing serves uploaded pictures and videos from its own hosts.
  const uploads = 'https://*.ufs.sh https://utfs.io';
  return [
    "default-src 'self'",
    // Dev's fast refresh evaluates code; production never does.
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${development ? " 'unsafe-eval'" : ''}`,
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

/** Two years, as the HSTS preload list asks; only a production deployment sends it. */
export const STRICT_TRANSPORT_SECURITY = 'max-age=63072000; includeSubDomains';

/** A fresh, unguessable nonce per response. */
export function newNonce(): string {
  return Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString('base64');
}
