import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach } from 'vitest';
import { openDatabase, type Database, type DatabaseHandle, type Driver } from '@/db/client';
import { migrateDatabase } from '@/db/migrate';
import { createScratchDatabase } from '@/db/scratch';
import { startNeonRelay, routeNeonThroughRelay } from './neon-relay';

/** PGlite always; real Postgres directly and through the Neon driver when DATABASE_URL is set. */
export function testDrivers(): Driver[] {
  return process.env.DATABASE_URL ? ['pglite', 'pg', 'neon'] : ['pglite'];
}

/** Real lock races need real connections: PGlite has one, so races run on Postgres (directly and through Neon). */
export const concurrentTestDrivers = (): Driver[] => testDrivers().filter((driver) => driver !== 'pglite');

export type TestDatabase = DatabaseHandle & {
  /** Empties every table (≈ms) so each test starts clean without re-migrating. */
  reset(): Promise<void>;
  destroy(): Promise<void>;
};

/** The tables the migrations created, by name. */
export async function publicTables(db: Database): Promise<string[]> {
  const result = await db.execute<{ tablename: string }>(
    sql`select tablename from pg_tables where schemaname = 'public' order by 1`,
  );
  return result.rows.map((row) => row.tablename);
}

let relay: Awaited<ReturnType<typeof startNeonRelay>> | undefined;

/** How many Postgres connections the Neon driver has opened through the local relay. */
export function neonRelayConnections(): number {
  return relay?.connections() ?? 0;
}

/**
 * A freshly migrated database of its own: in-memory PGlite, or a new Postgres database
 * named for this run (dropped by destroy), so parallel files and runs never collide.
 */
export async function createTestDatabase(driver: Driver): Promise<TestDatabase> {
  let handle: DatabaseHandle;
  let dropDatabase = async () => {};
  if (driver === 'pglite') {
    handle = openDatabase({ driver: 'pglite', dataDir: null });
  } else {
    const serverUrl = process.env.DATABASE_URL;
    if (!serverUrl) throw new Error(`${driver} tests need DATABASE_URL`);
    const scratch = await createScratchDatabase({ serverUrl, prefix: 'gavel_test' });
    if (driver === 'neon') {
      relay ??= await startNeonRelay();
      routeNeonThroughRelay(relay.port);
    }
    handle = openDatabase({ driver, url: scratch.url, maxConnections: 25 });
    dropDatabase = scratch.drop;
  }
  await migrateDatabase(handle);
  const tables = await publicTables(handle.db);
  const truncate = sql.raw(`truncate ${tables.map((table) => `"${table}"`).join(', ')} restart identity cascade`);
  return {
    ...handle,
    reset: async () => {
      await handle.db.execute(truncate);
    },
    destroy: async () => {
      await handle.close();
      await dropDatabase();
    },
  };
}

/**
 * One migrated database for a describe block, emptied before each test; returns a getter
 * because the database exists only once the hooks have run.
 */
export function databaseForEachTest(driver: Driver): () => TestDatabase {
  let database: TestDatabase | undefined;
  beforeAll(async () => {
    database = await createTestDatabase(driver);
  });
  afterAll(async () => {
    await database?.destroy();
  });
  beforeEach(async () => {
    await database?.reset();
  });
  return () => {
    if (!database) throw new Error('the test database is not ready yet');
    return database;
  };
}
