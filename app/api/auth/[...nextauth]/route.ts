import { NextRequest } from 'next/server';
import { handlers } from '@/lib/auth';
import { safeCallbackUrl } from '@/lib/auth/safe-callback-url';
import { env } from '@/lib/env';

/**
 * What the app uses of Auth.js: the session and CSRF endpoints, credentials sign-in and
 * sign-out, and the redirects to the app's own pages. Anything else answers 400 here:
 * Auth.js itself turns an unknown provider or a GET of the credentials callback into its
 * "Configuration" error page, which answers 500.
 */
const ROUTES = {
  GET: new Set(['session', 'csrf', 'providers', 'signin', 'signout', 'error']),
  POST: new Set(['session', 'signin/credentials', 'callback/credentials', 'signout']),
};

function known(method: keyof typeof ROUTES, request: NextRequest): boolean {
  const action = request.nextUrl.pathname.replace(/^\/api\/auth\/?/, '').replace(/\/$/, '');
  return ROUTES[method].has(action);
}

/** Where the user is: APP_URL, or in development the origin the browser used, as the redirect callback decides. */
function appOrigin(request: NextRequest): string {
  const config = env();
  return config.NODE_ENV === 'development' ? request.nextUrl.origin : new URL(config.APP_URL).origin;
}

/**
 * Auth.js answers 500 ("server configuration") on its JSON endpoints to a `callbackUrl`
 * query it cannot read as an http URL. It gets what the app makes of the value instead,
 * which is always a path on the app.
 */
function withSafeCallbackUrl(request: NextRequest): NextRequest {
  const value = request.nextUrl.searchParams.get('callbackUrl');
  if (value === null) return request;
  const url = request.nextUrl.clone();
  url.searchParams.set('callbackUrl', safeCallbackUrl(value, appOrigin(request)));
  return new NextRequest(url, request);
}

/**
 * Auth.js builds some redirects (to its error page, after a missing CSRF token) from the
 * request's origin, past the redirect callback, and that origin is not the user's:
 * `next start` hands the route `http://localhost:PORT`, and NextRequest turns 127.0.0.1
 * into localhost too. Such a redirect keeps its path and goes to the app's origin.
 */
function onAppOrigin(request: NextRequest, response: Response): Response {
  const location = response.headers.get('location');
  if (!location) return response;
  const origin = appOrigin(request);
  const target = new URL(location, origin);
  if (target.origin === origin) return response;
  const headers = new Headers(response.headers);
  headers.set('location', `${origin}${target.pathname}${target.search}${target.hash}`);
  return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
}

const notFound = () =>
  Response.json({ error: 'NOT_FOUND', message: 'No such authentication endpoint' }, { status: 404 });

export async function GET(request: NextRequest) {
  return known('GET', request) ? onAppOrigin(request, await handlers.GET(withSafeCallbackUrl(request))) : notFound();
}

export async function POST(request: NextRequest) {
  return known('POST', request) ? onAppOrigin(request, await handlers.POST(withSafeCallbackUrl(request))) : notFound();
}
