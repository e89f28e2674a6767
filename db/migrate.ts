import path from 'node:path';
import { migrate as migrateNeon } from 'drizzle-orm/neon-serverless/migrator';
import type { NeonDatabase } from 'drizzle-orm/neon-serverless';
import { migrate as migrateNodePg } from 'drizzle-orm/node-postgres/migrator';
import type { NodePgDatabase } from 'drizzle-orm/node-postgres';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import type { PgliteDatabase } from 'drizzle-orm/pglite';
import type { DatabaseHandle, Schema } from './client';

/** Resolved from the working directory, which is the project root for every entry point. */
export const migrationsFolder = path.join(process.cwd(), 'db', 'migrations');

/** Applies the committed drizzle-kit migrations that have not run yet. */
export async function migrateDatabase(handle: DatabaseHandle): Promise<void> {
  const config = { migrationsFolder };
  // Each migrator wants its own driver's type; `openDatabase` created the db with that driver.
  switch (handle.driver) {
    case 'pglite':
      return migratePglite(handle.db as PgliteDatabase<Schema>, config);
    case 'neon':
      return migrateNeon(handle.db as NeonDatabase<Schema>, config);
    case 'pg':
      return migrateNodePg(handle.db as NodePgDatabase<Schema>, config);
  }
}
