import fs from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { Pool as NeonPool, neonConfig } from '@neondatabase/serverless';
import { sql } from 'drizzle-orm';
import { drizzle as drizzleNeon } from 'drizzle-orm/neon-serverless';
import { drizzle as drizzleNodePg } from 'drizzle-orm/node-postgres';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import pg from 'pg';
import ws from 'ws';
import { acquirePgliteLock } from './pglite-lock';
import * as schema from './schema';

export type Schema = typeof schema;
/** What `execute` answers on every driver here: node-postgres, PGlite and Neon all give rows. */
type RowsOf<T> = { rows: T[] };
interface RowsResultHKT extends PgQueryResultHKT {
  readonly type: RowsOf<this['row']>;
}
/** The query API shared by all three drivers: domain code is written against this only. */
export type Database = PgDatabase<RowsResultHKT, Schema>;
export type Transaction = Parameters<Parameters<Database['transaction']>[0]>[0];
/** A database or a transaction: verbs accept either so that callers can compose them. */
export type Executor = Database | Transaction;

export type Driver = 'pglite' | 'pg' | 'neon';

export type DatabaseHandle = {
  db: Database;
  driver: Driver;
  /** Where the data lives, for messages: a directory or a host, never a password. */
  location: string;
  close(): Promise<void>;
};

export type OpenOptions = (
  { driver: 'pglite'; dataDir: string | null } | { driver: 'pg' | 'neon'; url: string; maxConnections?: number }
) & {
  /** Called for every statement sent (benchmarks count round trips with it). */
  onQuery?: () => void;
};

// Node 20 has no global WebSocket; the Neon driver speaks Postgres over one.
neonConfig.webSocketConstructor = ws;

/** Neon hosts (or an explicit DATABASE_DRIVER=neon) get the WebSocket driver. */
export function driverFor(url: string | undefined, explicit?: 'pg' | 'neon'): Driver {
  if (!url) return 'pglite';
  if (explicit) return explicit;
  return new URL(url).hostname.endsWith('.neon.tech') ? 'neon' : 'pg';
}

export function describeUrl(url: string): string {
  const parsed = new URL(url);
  return `${parsed.hostname}${parsed.port ? `:${parsed.port}` : ''}${parsed.pathname}`;
}

/** Opens a database. `dataDir: null` gives an in-memory PGlite (tests). Never call at import time. */
export function openDatabase(options: OpenOptions): DatabaseHandle {
  const drizzleOptions = {
    schema,
    casing: 'snake_case',
    logger: options.onQuery ? { logQuery: options.onQuery } : false,
  } as const;
  if (options.driver === 'pglite') {
    if (options.dataDir === null) {
      const client = new PGlite();
      return {
        db: drizzlePglite(client, drizzleOptions),
        driver: 'pglite',
        location: 'memory',
        close: () => client.close(),
      };
    }
    const dataDir = path.resolve(options.dataDir);
    // PGlite's own mkdir is not recursive.
    fs.mkdirSync(path.dirname(dataDir), { recursive: true });
    const release = acquirePgliteLock(`${dataDir}.lock`);
    try {
      const client = new PGlite(dataDir);
      return {
        db: drizzlePglite(client, drizzleOptions),
        driver: 'pglite',
        location: dataDir,
        close: async () => {
          await client.close();
          release();
        },
      };
    } catch (error) {
      release();
      throw error;
    }
  }
  const max = options.maxConnections ?? 10;
  if (options.driver === 'neon') {
    const pool = new NeonPool({ connectionString: options.url, max });
    pool.on('error', reportIdleClientError);
    return {
      db: drizzleNeon(pool, drizzleOptions),
      driver: 'neon',
      location: describeUrl(options.url),
      close: () => pool.end(),
    };
  }
  const pool = new pg.Pool({ connectionString: options.url, max });
  pool.on('error', reportIdleClientError);
  return {
    db: drizzleNodePg(pool, drizzleOptions),
    driver: 'pg',
    location: describeUrl(options.url),
    close: () => pool.end(),
  };
}

/** Round trip that proves the database answers. */
export async function ping(db: Database): Promise<void> {
  await db.execute(sql`select 1`);
}

/** Turns a driver's connection failure into one line that names the variable and the host. */
export function describeConnectionError(error: unknown, location: string): string {
  const cause = (error as { cause?: unknown })?.cause ?? error;
  const { code, message } = (cause ?? {}) as { code?: string; message?: string };
  const reasons: Record<string, string> = {
    ECONNREFUSED: 'connection refused (is the server running and listening there?)',
    ENOTFOUND: 'host not found',
    EAI_AGAIN: 'host name could not be resolved',
    ETIMEDOUT: 'connection timed out',
    '28P01': 'password authentication failed',
    '28000': 'the server refused this user',
    '3D000': 'the database does not exist',
  };
  const reason = (code && reasons[code]) || message?.split('\n')[0] || String(cause);
  return `DATABASE_URL: cannot use the database at ${location}: ${reason}`;
}

/**
 * A pooled connection the server closed while idle (a restart, Neon scaling to zero, a
 * dropped database) is already gone from the pool; without a listener the pool's 'error'
 * event would crash the process.
 */
function reportIdleClientError(error: Error & { code?: string }) {
  if (error.code === '57P01') return;
  console.error(`[db] idle connection lost: ${error.message}`);
}
