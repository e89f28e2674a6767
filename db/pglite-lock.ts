import fs from 'node:fs';

/**
 * PGlite has no lock of its own: two processes opening one data directory both appear to
 * work and the second one's writes are silently lost. So the owner holds a lock file with
 * its pid, and anyone else is refused with a message that says who holds it.
 */
export class DatabaseLockedError extends Error {
  constructor(
    readonly lockPath: string,
    readonly holderPid: number,
  ) {
    super(
      `The embedded database is in use by process ${holderPid} (lock ${lockPath}). ` +
        'Only one process may open it: stop the other one (e.g. `npm run dev`) first, ' +
        'or set DATABASE_URL to use a Postgres server that many processes can share.',
    );
    this.name = 'DatabaseLockedError';
  }
}

type LockContent = { pid: number; since: string };

function readHolder(lockPath: string): LockContent | null {
  try {
    return JSON.parse(fs.readFileSync(lockPath, 'utf8')) as LockContent;
  } catch {
    return null;
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Takes the lock or throws DatabaseLockedError; returns the function that releases it. */
export function acquirePgliteLock(lockPath: string): () => void {
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const fd = fs.openSync(lockPath, 'wx');
      fs.writeSync(fd, JSON.stringify({ pid: process.pid, since: new Date().toISOString() } satisfies LockContent));
      fs.closeSync(fd);
      const release = () => {
        process.off('exit', release);
        if (readHolder(lockPath)?.pid === process.pid) fs.rmSync(lockPath, { force: true });
      };
      process.on('exit', release);
      return release;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const holder = readHolder(lockPath);
      if (holder && holder.pid !== process.pid && isAlive(holder.pid))
        throw new DatabaseLockedError(lockPath, holder.pid);
      // A lock left by a process that died (or by an earlier open in this one): take it over.
      fs.rmSync(lockPath, { force: true });
    }
  }
  throw new Error(`Could not take the embedded database lock ${lockPath}`);
}
