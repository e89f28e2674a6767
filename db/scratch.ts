import { randomBytes } from 'node:crypto';
import pg from 'pg';

export type ScratchDatabase = {
  name: string;
  /** The server's URL with this database as its path. */
  url: string;
  /** Drops the database, closing any connection still open to it. */
  drop(): Promise<void>;
};

/** Only names this helper makes are ever created or dropped, so a typo cannot drop a real database. */
const SCRATCH_NAME = /^gavel_(test|bench)_[a-z0-9_]+$/;

/**
 * A database of its own on the server `serverUrl` points at, uniquely named `<prefix>_<random>`
 * so that parallel test files, runs and engineers never collide; `template` copies an existing
 * database (CREATE DATABASE … TEMPLATE, which needs nobody connected to that one).
 */
export async function createScratchDatabase({
  serverUrl,
  prefix,
  template,
}: {
  serverUrl: string;
  prefix: 'gavel_test' | 'gavel_bench';
  template?: string;
}): Promise<ScratchDatabase> {
  const name = `${prefix}_${randomBytes(6).toString('hex')}`;
  if (template !== undefined && !SCRATCH_NAME.test(template)) throw new Error(`not a scratch database: ${template}`);
  await onServer(serverUrl, `create database ${name}${template ? ` template ${template}` : ''}`);
  return { name, url: databaseUrl(serverUrl, name), drop: () => dropScratchDatabase(serverUrl, name) };
}

export async function dropScratchDatabase(serverUrl: string, name: string): Promise<void> {
  if (!SCRATCH_NAME.test(name)) throw new Error(`not a scratch database: ${name}`);
  await onServer(serverUrl, `drop database if exists ${name} with (force)`);
}

/** `serverUrl` with its database path replaced by `name`. */
export function databaseUrl(serverUrl: string, name: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

/** CREATE and DROP DATABASE cannot run in a transaction: one short connection each. */
async function onServer(serverUrl: string, statement: string) {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}
