import { NextResponse, type NextRequest } from 'next/server';
import { env } from '@/lib/env';
import { contentSecurityPolicy, newNonce, STRICT_TRANSPORT_SECURITY } from '@/lib/server/security-headers';

/**
 * Security headers that depend on the request or the deployment: a per-response CSP nonce,
 * the framing origins, HSTS. No authorisation here: every page, action and route checks
 * its caller itself. (The fixed headers are in next.config.ts, so static files get them too.)
 */
export function proxy(request: NextRequest) {
  const config = env();
  const nonce = newNonce();
  const policy = contentSecurityPolicy({ nonce, frameOrigins: config.WEBVIEW_FRAME_ORIGINS, development: config.NODE_ENV === 'development' });
  // Next reads the policy from the request to put the nonce on the scripts it renders.
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set('x-nonce', nonce);
  requestHeaders.set('content-security-policy', policy);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set('content-security-policy', policy);
  if (config.NODE_ENV === 'production') response.headers.set('strict-transport-security', STRICT_TRANSPORT_SECURITY);
  return response;
}

export const config = {
  // Built assets carry no scripts of ours to allow; they get next.config.ts's headers.
  matcher: ['/((?!_next/static|_next/image|favicon.ico).*)'],
};
