import { randomBytes } from 'node:crypto';
import { postgresErrorCode } from '@/lib/errors';

/** A short id a user can quote and an operator can find in the log. */
export function newRequestId(): string {
  return randomBytes(6).toString('hex');
}

/**
 * Logs an unexpected error without its message: a driver's message carries the failed
 * statement's parameters (password hashes, phone numbers, addresses). What is kept is
 * enough to find the bug: the error's name and code, the SQLSTATE, the stack frames and
 * the request id the caller was given.
 */
export function logUnexpectedError(scope: string, error: unknown, requestId = newRequestId()): string {
  const names: string[] = [];
  let code: string | undefined;
  let frames: string[] = [];
  let current: unknown = error;
  for (let depth = 0; depth < 4 && current instanceof Error; depth++) {
    names.push(current.name);
    const own = (current as { code?: unknown }).code;
    code ??= typeof own === 'string' && /^[\w.-]{1,40}$/.test(own) ? own : undefined;
    if (frames.length === 0)
      frames = (current.stack ?? '')
        .split('\n')
        .filter((line) => /^\s+at /.test(line))
        .slice(0, 8);
    current = current.cause;
  }
  const fields = [
    `requestId=${requestId}`,
    `error=${names.join('<-') || typeof error}`,
    code ? `code=${code}` : null,
    postgresErrorCode(error) ? `sqlstate=${postgresErrorCode(error)}` : null,
  ].filter(Boolean);
  console.error(`[${scope}] unexpected error ${fields.join(' ')}${frames.length ? `\n${frames.join('\n')}` : ''}`);
  return requestId;
}
