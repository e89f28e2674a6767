import { NextResponse, type NextRequest } from 'next/server';
import { env } from '@/lib/env';
import { contentSecurityPolicy, newNonce } from '@/lib/server/security-headers';

/**
 * The pages' Content-Security-Policy, which needs a fresh nonce per response. No
 * authorisation here: every page, action and route checks its caller itself. (The fixed
 * headers, HSTS included, and the API's policy are in next.config.ts.)
 */
export function proxy(request: NextRequest) {
  const config = env();
  const nonce = newNonce();
  const policy = contentSecurityPolicy({
    nonce,
    frameOrigins: config.WEBVIEW_FRAME_ORIGINS,
    development: config.NODE_ENV === 'development',
  });
  // Next reads the policy from the request to put the nonce on the scripts it renders.
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set('x-nonce', nonce);
  requestHeaders.set('content-security-policy', policy);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set('content-security-policy', policy);
  return response;
}

export const config = {
  // Route handlers under /api render no scripts, and a proxy in front of one makes Next read
  // the whole request body before the handler runs, so a handler's body cap (the webhook's)
  // could not stop an oversized upload. Built assets carry no scripts of ours to allow.
  matcher: ['/((?!api/|_next/static|_next/image|favicon.ico).*)'],
};
