import { NextRequest } from 'next/server';
import { describe, expect, it, vi } from 'vitest';
import { databaseForEachTest, type TestDatabase } from '../support/test-database';

const state = vi.hoisted(() => ({ database: null as TestDatabase | null }));
vi.mock('@/db', async (original) => ({
  ...(await original<typeof import('@/db')>()),
  db: () => state.database!.db,
  appDatabase: () => state.database!,
}));
vi.stubEnv('AUTH_SECRET', 'auth-routes-auth-secret-0123456789');
vi.stubEnv('CRON_SECRET', 'auth-routes-cron-secret-0123456789');
vi.stubEnv('APP_URL', 'http://localhost:3000');

const { GET, POST } = await import('@/app/api/auth/[...nextauth]/route');
const base = 'http://localhost:3000/api/auth';

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
  ])('%s %s', async (method, path) => {
    state.database = current();
    const request = new NextRequest(`${base}${path}`, method === 'POST' ? { method, body: '\u0000junk{', headers: { 'content-type': 'application/x-www-form-urlencoded' } } : { method });
    const response = await (method === 'GET' ? GET : POST)(request);
    expect(response.status).toBeLessThan(500);
    // A browser follows the redirect: where it lands must not be a 500 either.
    const location = response.headers.get('location');
    if (location?.startsWith(base)) expect((await GET(new NextRequest(location))).status).toBeLessThan(500);
  });
});
