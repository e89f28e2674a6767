import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase, ping } from '@/db/client';
import { runProjectScript } from '../support/run-script';

const tempDirs: string[] = [];
function tempDataDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gavel-data-'));
  tempDirs.push(dir);
  return dir;
}
afterEach(() => {
  for (const dir of tempDirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

const noStackTrace = (output: string) => expect(output).not.toMatch(/^\s+at /m);

describe('the embedded database has one owner', () => {
  it('refuses a second process while one owns it, and lets it in once released', async () => {
    const dataDir = tempDataDir();
    const owner = openDatabase({ driver: 'pglite', dataDir: path.join(dataDir, 'pglite') });
    await ping(owner.db);
    const refused = await runProjectScript('scripts/db-migrate.ts', { GAVEL_DATA_DIR: dataDir });
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain(`in use by process ${process.pid}`);
    noStackTrace(refused.stderr);

    await owner.close();
    const allowed = await runProjectScript('scripts/db-migrate.ts', { GAVEL_DATA_DIR: dataDir });
    expect(allowed.stderr).toBe('');
    expect(allowed.code).toBe(0);
    expect(fs.existsSync(path.join(dataDir, 'pglite.lock'))).toBe(false);
  });

  it('takes over a lock left by a process that died', async () => {
    const dataDir = tempDataDir();
    const dead = spawnSync(process.execPath, ['-e', 'process.exit(0)']).pid;
    fs.writeFileSync(path.join(dataDir, 'pglite.lock'), JSON.stringify({ pid: dead, since: new Date().toISOString() }));
    const handle = openDatabase({ driver: 'pglite', dataDir: path.join(dataDir, 'pglite') });
    await ping(handle.db);
    expect(JSON.parse(fs.readFileSync(path.join(dataDir, 'pglite.lock'), 'utf8')).pid).toBe(process.pid);
    await handle.close();
  });
});

describe('start-up refuses a broken configuration with a message, not a stack trace', () => {
  it('names DATABASE_URL and the host when the server cannot be reached', async () => {
    const result = await runProjectScript('scripts/db-migrate.ts', {
      DATABASE_URL: 'postgres://gavel@127.0.0.1:1/gavel',
      GAVEL_DATA_DIR: tempDataDir(),
    });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('DATABASE_URL: cannot use the database at 127.0.0.1:1/gavel: connection refused');
    noStackTrace(result.stderr);
  });

  it('names DATABASE_URL when it is not a Postgres URL', async () => {
    const result = await runProjectScript('scripts/db-migrate.ts', {
      DATABASE_URL: 'mysql://root@localhost/gavel',
      GAVEL_DATA_DIR: tempDataDir(),
    });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/DATABASE_URL: must be a postgres/);
    noStackTrace(result.stderr);
  });

  it('refuses production without a named payment provider', async () => {
    const result = await runProjectScript('scripts/db-migrate.ts', {
      NODE_ENV: 'production',
      AUTH_SECRET: 'x'.repeat(32),
      CRON_SECRET: 'y'.repeat(32),
      GAVEL_DATA_DIR: tempDataDir(),
    });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('PAYMENT_PROVIDER is not set');
    noStackTrace(result.stderr);
  });

  it('names a missing secret in production', async () => {
    const result = await runProjectScript('scripts/db-migrate.ts', {
      NODE_ENV: 'production',
      CRON_SECRET: 'y'.repeat(32),
      GAVEL_DATA_DIR: tempDataDir(),
    });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('AUTH_SECRET is not set');
    noStackTrace(result.stderr);
  });
});
