import { appDatabase, type DatabaseHandle } from '@/db';
import { describeConnectionError, ping } from '@/db/client';
import { seedDemoData, type SeedSummary } from '@/db/seed/demo';
import { now } from '@/lib/clock';
import { saveUpload } from '@/lib/storage/local-uploads';

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

export function seedAppDatabase(handle: DatabaseHandle): Promise<SeedSummary> {
  return seedDemoData({ db: handle.db, now: now(), saveImage: (name, svg) => saveUpload(`demo/${name}`, svg) });
}

export function formatLogins(summary: SeedSummary): string {
  const buyers = summary.buyers
    .map((buyer) => `    ${buyer.name.padEnd(4, '　')} ${buyer.phone}  ${buyer.email}`)
    .join('\n');
  return [
    'Demo logins (phone or email):',
    `  admin   ${summary.admin.phone} / ${summary.admin.email}  password: ${summary.admin.password}`,
    `  buyers  password: ${summary.buyerPassword}`,
    buyers,
  ].join('\n');
}
