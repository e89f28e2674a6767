import os from 'node:os';
import pg from 'pg';
import { describeConnectionError, describeUrl, openDatabase, type DatabaseHandle } from '@/db/client';
import { migrateDatabase } from '@/db/migrate';
import { createScratchDatabase, type ScratchDatabase } from '@/db/scratch';

/** Without DATABASE_URL the bench uses the local server a developer most likely has. */
const DEFAULT_SERVER = 'postgres://postgres@127.0.0.1:5432/postgres';

export const serverUrl = (): string => process.env.DATABASE_URL || DEFAULT_SERVER;

/** The server's version, or one line saying why it cannot be used and how to point the bench elsewhere. */
export async function checkServer(url: string): Promise<string> {
  const client = new pg.Client({ connectionString: url });
  try {
    await client.connect();
    const { rows } = await client.query<{ server_version: string }>('show server_version');
    return rows[0]!.server_version;
  } catch (error) {
    const hint = process.env.DATABASE_URL
      ? ''
      : ' (DATABASE_URL is not set; set it to a Postgres server the bench may create databases on)';
    throw new Error(`${describeConnectionError(error, describeUrl(url))}${hint}`, { cause: error });
  } finally {
    await client.end().catch(() => {});
  }
}

export const machine = (postgres: string) => ({
  cpus: os.cpus().length,
  cpuModel: os.cpus()[0]?.model ?? 'unknown',
  node: process.version,
  postgres,
  platform: `${os.platform()} ${os.release()}`,
});

/** A scratch database opened with a counter of the statements sent to it. */
export type Target = {
  handle: DatabaseHandle;
  scratch: ScratchDatabase;
  statements: () => number;
  close(): Promise<void>;
};

export async function openTarget(
  scratch: ScratchDatabase,
  { maxConnections = 10 }: { maxConnections?: number } = {},
): Promise<Target> {
  let count = 0;
  const handle = openDatabase({
    driver: 'pg',
    url: scratch.url,
    maxConnections,
    onQuery: () => {
      count += 1;
    },
  });
  return { handle, scratch, statements: () => count, close: () => handle.close() };
}

/** A new migrated database on the server. */
export async function freshDatabase(server: string): Promise<ScratchDatabase> {
  const scratch = await createScratchDatabase({ serverUrl: server, prefix: 'gavel_bench' });
  const handle = openDatabase({ driver: 'pg', url: scratch.url, maxConnections: 1 });
  try {
    await migrateDatabase(handle);
  } catch (error) {
    await handle.close();
    await scratch.drop();
    throw error;
  }
  await handle.close();
  return scratch;
}

export async function time<T>(work: () => Promise<T>): Promise<[T, number]> {
  const started = performance.now();
  const result = await work();
  return [result, performance.now() - started];
}

export const median = (values: readonly number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

export const percentile = (values: readonly number[], p: number) =>
  [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor((values.length * p) / 100))]!;

export const ms = (value: number) => `${value.toFixed(0)} ms`;
