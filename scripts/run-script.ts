import type { DatabaseHandle } from '@/db';
import { DatabaseLockedError } from '@/db/pglite-lock';
import { EnvError } from '@/lib/env';
import { StartupError } from '@/lib/server/prepare-database';

let handle: DatabaseHandle | undefined;

/** Closes the database (and so releases the PGlite lock) when the script ends. */
export function closeOnExit(opened: DatabaseHandle) {
  handle = opened;
}

/**
 * Runs a CLI task: known problems print as one message, everything else with its stack.
 * Scripts run under `tsx --conditions=react-server` (see package.json): the server modules
 * they share with Next import 'server-only', which throws under any other condition.
 */
export function runScript(task: () => Promise<void>) {
  task()
    .then(() => handle?.close())
    .then(() => process.exit(0))
    .catch(async (error: unknown) => {
      await handle?.close().catch(() => undefined);
      const known = error instanceof EnvError || error instanceof StartupError || error instanceof DatabaseLockedError;
      console.error(known ? error.message : error);
      process.exit(1);
    });
}
