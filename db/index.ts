// The database and its credentials: a client component that reaches this fails the build.
import 'server-only';
import path from 'node:path';
import { env } from '@/lib/env';
import { driverFor, openDatabase, type Database, type DatabaseHandle } from './client';

export type { Database, DatabaseHandle, Executor, Transaction } from './client';

const globalForDb = globalThis as typeof globalThis & { gavelDatabase?: DatabaseHandle };

/** Where the embedded database lives under GAVEL_DATA_DIR. */
export function pgliteDir(dataDir: string): string {
  return path.join(dataDir, 'pglite');
}

/**
 * The app's database, opened on first use and cached on globalThis so that hot reload and
 * Next's separate bundles (instrumentation, routes) share one client and one PGlite lock.
 */
export function appDatabase(): DatabaseHandle {
  if (!globalForDb.gavelDatabase) {
    const { DATABASE_URL, DATABASE_DRIVER, GAVEL_DATA_DIR } = env();
    const driver = driverFor(DATABASE_URL, DATABASE_DRIVER);
    globalForDb.gavelDatabase =
      driver === 'pglite' || !DATABASE_URL
        ? openDatabase({ driver: 'pglite', dataDir: pgliteDir(GAVEL_DATA_DIR) })
        : openDatabase({ driver, url: DATABASE_URL });
  }
  return globalForDb.gavelDatabase;
}

export function db(): Database {
  return appDatabase().db;
}
