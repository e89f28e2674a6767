import type { NextRequest } from 'next/server';
import { handlers } from '@/lib/auth';

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

const notFound = () => Response.json({ error: 'NOT_FOUND', message: 'No such authentication endpoint' }, { status: 404 });

export function GET(request: NextRequest) {
  return known('GET', request) ? handlers.GET(request) : notFound();
}

export function POST(request: NextRequest) {
  return known('POST', request) ? handlers.POST(request) : notFound();
}
