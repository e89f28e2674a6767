import { env, EnvError } from '@/lib/env';
import { migrateDatabase } from '@/db/migrate';
import { DatabaseLockedError } from '@/db/pglite-lock';
import { now } from '@/lib/clock';
import { connectAppDatabase, StartupError } from './prepare-database';
import { tickApp } from './engine';
import { logUnexpectedError } from './log-error';

/** How often `npm run dev` / `npm start` advance the lifecycles without a cron. */
const TICKER_INTERVAL_MS = 15_000;
const TICKER_BUDGET_MS = 10_000;

/**
 * Runs once when the Next.js server starts (instrumentation): checks the environment and
 * the database, applies migrations where the app owns the database (the embedded PGlite,
 * or any database in development). The demo seed is not here: `npm run dev` runs it
 * (scripts/db-seed.ts) before starting Next, which keeps it out of the server bundle.
 */
export async function startServer(): Promise<void> {
  try {
    const config = env();
    const handle = await connectAppDatabase();
    const development = config.NODE_ENV === 'development';
    if (handle.driver === 'pglite' || development) await migrateDatabase(handle);
    if (development)
      console.log(`\n  Gavel is ready at ${config.APP_URL} (database: ${handle.driver} ${handle.location})\n`);
    if (config.GAVEL_TICKER === 'on' && !config.VERCEL) startTicker();
    if (config.GAVEL_TEST_MODE === '1')
      console.warn("[gavel] TEST MODE: /api/test/clock can move this server's clock.");
  } catch (error) {
    if (error instanceof EnvError || error instanceof StartupError || error instanceof DatabaseLockedError) {
      console.error(`\n[gavel] cannot start:\n${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
}

/**
 * The embedded default needs no cron: the same tick runs in-process every 15 s. One at a
 * time; a failure is logged and the next interval tries again.
 */
function startTicker() {
  const holder = globalThis as typeof globalThis & { gavelTicker?: NodeJS.Timeout };
  if (holder.gavelTicker) return;
  let running = false;
  holder.gavelTicker = setInterval(() => {
    if (running) return;
    running = true;
    tickApp(now(), TICKER_BUDGET_MS)
      .catch((error: unknown) => logUnexpectedError('tick', error))
      .finally(() => {
        running = false;
      });
  }, TICKER_INTERVAL_MS);
  holder.gavelTicker.unref();
}
