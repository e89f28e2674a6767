import { afterEach, describe, expect, it, vi } from 'vitest';
import { logUnexpectedError } from './log-error';

afterEach(() => vi.restoreAllMocks());

describe('logUnexpectedError', () => {
  it('logs the name, code, SQLSTATE and request id, never the message or its parameters', () => {
    const log = vi.spyOn(console, 'error').mockImplementation(() => {});
    const driver = Object.assign(new Error('invalid byte sequence for encoding "UTF8": 0x00'), { code: '22021' });
    const wrapped = new Error(
      'Failed query: insert into "users" ("password_hash") values ($1)\nparams: $2b$10$secrethash,13912345678',
      { cause: driver },
    );
    wrapped.name = 'DrizzleQueryError';
    const id = logUnexpectedError('action', wrapped);
    const line = log.mock.calls.map((call) => call.join(' ')).join('\n');
    expect(line).toContain(`requestId=${id}`);
    expect(line).toContain('error=DrizzleQueryError<-Error');
    expect(line).toContain('sqlstate=22021');
    for (const secret of ['secrethash', '13912345678', 'password_hash', '0x00']) expect(line).not.toContain(secret);
  });
});
