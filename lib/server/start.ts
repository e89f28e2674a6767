import { env, EnvError } from '@/lib/env';
import { migrateDatabase } from '@/db/migrate';
import { DatabaseLockedError } from '@/db/pglite-lock';
import { connectAppDatabase, formatLogins, seedAppDatabase, StartupError } from './prepare-database';

/**
 * Runs once when the Next.js server starts (instrumentation): checks the environment and
 * the database, applies migrations where the app owns the database (the embedded PGlite,
 * or any database in development), and in development seeds an empty database.
 */
export async function startServer(): Promise<void> {
  try {
    const config = env();
    const handle = await connectAppDatabase();
    const development = config.NODE_ENV === 'development';
    if (handle.driver === 'pglite' || development) await migrateDatabase(handle);
    if (development) {
      const summary = await seedAppDatabase(handle);
      console.log(`\n  Gavel is ready at ${config.APP_URL} (database: ${handle.driver} ${handle.location})`);
      if (summary.seeded) console.log('  Seeded the demo data.');
      console.log(`\n${formatLogins(summary).replace(/^/gm, '  ')}\n`);
    }
  } catch (error) {
    if (error instanceof EnvError || error instanceof StartupError || error instanceof DatabaseLockedError) {
      console.error(`\n[gavel] cannot start:\n${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
}
