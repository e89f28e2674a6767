import { NextRequest } from 'next/server';
import { describe, expect, it, vi } from 'vitest';
import { hashPassword } from '@/lib/auth/password';
import { seedBuyer } from '../support/factories';
import { databaseForEachTest, type TestDatabase } from '../support/test-database';

const state = vi.hoisted(() => ({ database: null as TestDatabase | null }));
vi.mock('@/db', async (original) => ({
  ...(await original<typeof import('@/db')>()),
  db: () => state.database!.db,
  appDatabase: () => state.database!,
}));
vi.stubEnv('AUTH_SECRET', 'auth-routes-auth-secret-0123456789');
vi.stubEnv('CRON_SECRET', 'auth-routes-cron-secret-0123456789');
// On 127.0.0.1, as in the security suite: NextRequest reads that host as localhost.
vi.stubEnv('APP_URL', 'http://127.0.0.1:3000');

const { GET, POST } = await import('@/app/api/auth/[...nextauth]/route');
const base = 'http://127.0.0.1:3000/api/auth';

describe('Auth.js routes under junk', () => {
  const current = databaseForEachTest('pglite');

  it('still serves what the app uses', async () => {
    state.database = current();
    expect((await GET(new NextRequest(`${base}/session`))).status).toBe(200);
    const csrf = await GET(new NextRequest(`${base}/csrf`));
    expect(await csrf.json()).toMatchObject({ csrfToken: expect.any(String) });
  });

  it.each([
    ['GET', '/callback/credentials'],
    ['GET', '/signin/nope'],
    ['GET', '/callback/nope'],
    ['GET', '/nope'],
    ['POST', '/callback/credentials'],
    ['POST', '/signin/nope'],
    ['POST', '/nope'],
    ['GET', '/error?error=%00'],
    ['GET', '/error?error=Configuration'],
    // Auth.js refuses a callbackUrl that is no http URL with a 500 on all but its pages.
    ['GET', '/session?callbackUrl=%00'],
    ['GET', '/csrf?callbackUrl=ended'],
    ['GET', '/providers?callbackUrl=3.3e%2B202&callbackUrl=%0D'],
    ['POST', '/signout?callbackUrl=%E8%8C%B6'],
  ])('%s %s', async (method, path) => {
    state.database = current();
    const request = new NextRequest(
      `${base}${path}`,
      method === 'POST'
        ? { method, body: '\u0000junk{', headers: { 'content-type': 'application/x-www-form-urlencoded' } }
        : { method },
    );
    const response = await (method === 'GET' ? GET : POST)(request);
    expect(response.status).toBeLessThan(500);
    // A browser follows the redirect: where it lands must not be a 500 either.
    const location = response.headers.get('location');
    if (location?.startsWith(base)) expect((await GET(new NextRequest(location))).status).toBeLessThan(500);
  });
});

// `next start` hands the route `http://localhost:PORT` whatever APP_URL says.
describe('Auth.js routes reached on another origin than APP_URL', () => {
  const current = databaseForEachTest('pglite');
  const served = 'http://localhost:3211/api/auth';
  const form = (fields: Record<string, string>, cookie = '') =>
    ({
      method: 'POST',
      body: new URLSearchParams(fields).toString(),
      headers: { 'content-type': 'application/x-www-form-urlencoded', cookie },
    }) as const;

  it.each([
    ['GET', '/signin?callbackUrl=3.3e%2B202', undefined],
    ['GET', '/error?error=%00%0D%0A', undefined],
    ['POST', '/callback/credentials', form({ identifier: '13900000000', password: 'x' })],
    ['POST', '/signout', form({})],
  ])("%s %s redirects to APP_URL's origin", async (method, path, init) => {
    state.database = current();
    const response = await (method === 'GET' ? GET : POST)(new NextRequest(`${served}${path}`, init));
    expect(response.status).toBe(302);
    // A relative Location resolves against the page the browser is on: the app's.
    expect(new URL(response.headers.get('location')!, 'http://127.0.0.1:3000').origin).toBe('http://127.0.0.1:3000');
  });

  it('still signs in with the CSRF token and the form posted there', async () => {
    state.database = current();
    const password = 'correct-horse-battery';
    const buyer = await seedBuyer(current().db, { passwordHash: await hashPassword(password) });
    const csrf = await GET(new NextRequest(`${served}/csrf`));
    const { csrfToken } = (await csrf.json()) as { csrfToken: string };
    const cookie = csrf.headers
      .getSetCookie()
      .map((value) => value.split(';')[0])
      .join('; ');
    const response = await POST(
      new NextRequest(
        `${served}/callback/credentials`,
        form({ csrfToken, identifier: buyer.phone!, password, callbackUrl: '/lots' }, cookie),
      ),
    );
    expect(response.headers.get('location')).toBe('http://127.0.0.1:3000/lots');
    expect(response.headers.getSetCookie().some((value) => value.startsWith('authjs.session-token='))).toBe(true);
  });
});
