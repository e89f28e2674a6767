import { NextRequest } from 'next/server';
import { handlers } from '@/lib/auth';
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

/**
 * Auth.js builds some redirects (to its error page, after a missing CSRF token) from the
 * request's own origin, past the redirect callback, and `next start` hands the route
 * `http://localhost:PORT`. On APP_URL's origin they land where the user is. Development
 * keeps the origin the browser used, as the redirect callback does.
 */
function onAppOrigin(request: NextRequest): NextRequest {
  const config = env();
  if (config.NODE_ENV === 'development') return request;
  const { pathname, search } = request.nextUrl;
  return new NextRequest(`${new URL(config.APP_URL).origin}${pathname}${search}`, request);
}

const notFound = () => Response.json({ error: 'NOT_FOUND', message: 'No such authentication endpoint' }, { status: 404 });

export function GET(request: NextRequest) {
  return known('GET', request) ? handlers.GET(onAppOrigin(request)) : notFound();
}

export function POST(request: NextRequest) {
  return known('POST', request) ? handlers.POST(onAppOrigin(request)) : notFound();
}
