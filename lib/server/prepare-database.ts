import { appDatabase, type DatabaseHandle } from '@/db';
import { describeConnectionError, ping } from '@/db/client';

/** A start-up problem the operator must fix; printed as is, without a stack trace. */
export class StartupError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'StartupError';
  }
}

/** Opens the app database and proves it answers, or explains why not. */
export async function connectAppDatabase(): Promise<DatabaseHandle> {
  let handle: DatabaseHandle;
  try {
    handle = appDatabase();
  } catch (error) {
    throw new StartupError(error instanceof Error ? error.message : String(error));
  }
  try {
    await ping(handle.db);
  } catch (error) {
    throw new StartupError(describeConnectionError(error, handle.location));
  }
  return handle;
}
