import { describe, expect, it, vi } from 'vitest';
import { seedBuyer } from '../support/factories';
import { databaseForEachTest, type TestDatabase } from '../support/test-database';

const state = vi.hoisted(() => ({ database: null as TestDatabase | null }));
vi.mock('@/db', async (original) => ({
  ...(await original<typeof import('@/db')>()),
  db: () => state.database!.db,
  appDatabase: () => state.database!,
}));
const CRON_SECRET = 'row-counts-route-cron-secret-0123456789';
vi.stubEnv('AUTH_SECRET', 'row-counts-route-auth-secret-0123456789');
vi.stubEnv('CRON_SECRET', CRON_SECRET);

const { GET } = await import('@/app/api/test/row-counts/route');
const { env } = await import('@/lib/env');
const url = 'http://127.0.0.1/api/test/row-counts';

/** env() is parsed once per process; each case sets the mode it needs. */
function testMode(on: boolean) {
  (globalThis as typeof globalThis & { gavelEnv?: unknown }).gavelEnv = { ...env(), GAVEL_TEST_MODE: on ? '1' : '0' };
}

describe('test-mode row-counts route', () => {
  const current = databaseForEachTest('pglite');

  it('is a plain 404 unless the server runs in test mode, whatever the bearer', async () => {
    state.database = current();
    testMode(false);
    const response = await GET(new Request(url, { headers: { authorization: `Bearer ${CRON_SECRET}` } }));
    expect(response.status).toBe(404);
  });

  it('wants the cron bearer, then counts the rows of every table', async () => {
    state.database = current();
    testMode(true);
    expect((await GET(new Request(url))).status).toBe(401);
    expect((await GET(new Request(url, { headers: { authorization: 'Bearer guess' } }))).status).toBe(401);
    await seedBuyer(current().db);
    await seedBuyer(current().db);
    const response = await GET(new Request(url, { headers: { authorization: `Bearer ${CRON_SECRET}` } }));
    expect(response.status).toBe(200);
    const { tables } = (await response.json()) as { tables: Record<string, number> };
    expect(tables).toMatchObject({ users: 2, auctions: 0, login_attempts: 0 });
  });
});
