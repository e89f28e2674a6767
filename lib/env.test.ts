import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { EnvError, parseEnv } from './env';

const secret = 'x'.repeat(32);

describe('parseEnv', () => {
  it('stops production start-up naming each missing secret', () => {
    expect(() => parseEnv({ NODE_ENV: 'production' })).toThrow(EnvError);
    try {
      parseEnv({ NODE_ENV: 'production', AUTH_SECRET: secret });
    } catch (error) {
      expect((error as Error).message).toContain('CRON_SECRET');
      expect((error as Error).message).not.toContain('AUTH_SECRET');
    }
  });

  it('generates development secrets once and keeps them', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gavel-env-'));
    const first = parseEnv({ NODE_ENV: 'development', GAVEL_DATA_DIR: dir });
    const second = parseEnv({ NODE_ENV: 'development', GAVEL_DATA_DIR: dir });
    expect(first.AUTH_SECRET.length).toBeGreaterThanOrEqual(32);
    expect(first.AUTH_SECRET).not.toBe(first.CRON_SECRET);
    expect(second.AUTH_SECRET).toBe(first.AUTH_SECRET);
    expect(second.CRON_SECRET).toBe(first.CRON_SECRET);
  });

  it('names a malformed DATABASE_URL', () => {
    expect(() =>
      parseEnv({ NODE_ENV: 'production', AUTH_SECRET: secret, CRON_SECRET: secret, DATABASE_URL: 'mysql://x' }),
    ).toThrow(/DATABASE_URL: must be a postgres/);
    expect(() =>
      parseEnv({ NODE_ENV: 'production', AUTH_SECRET: secret, CRON_SECRET: secret, DATABASE_URL: 'not a url' }),
    ).toThrow(/DATABASE_URL/);
  });

  it('treats empty variables as unset and applies defaults', () => {
    const env = parseEnv({
      NODE_ENV: 'production',
      AUTH_SECRET: secret,
      CRON_SECRET: secret,
      PAYMENT_PROVIDER: 'sandbox',
      DATABASE_URL: '',
      APP_TIME_ZONE: '',
    });
    expect(env.DATABASE_URL).toBeUndefined();
    expect(env.APP_TIME_ZONE).toBe('Asia/Shanghai');
    expect(env.APP_URL).toBe('http://localhost:3000');
    expect(env.PAYMENT_CONFIRMATION_GRACE_MINUTES).toBe(5);
  });

  it('reads the payment confirmation grace in whole minutes', () => {
    const base = { NODE_ENV: 'production', AUTH_SECRET: secret, CRON_SECRET: secret, PAYMENT_PROVIDER: 'sandbox' };
    expect(parseEnv({ ...base, PAYMENT_CONFIRMATION_GRACE_MINUTES: '0' }).PAYMENT_CONFIRMATION_GRACE_MINUTES).toBe(0);
    expect(() => parseEnv({ ...base, PAYMENT_CONFIRMATION_GRACE_MINUTES: '-1' })).toThrow(
      /PAYMENT_CONFIRMATION_GRACE_MINUTES/,
    );
    expect(() => parseEnv({ ...base, PAYMENT_CONFIRMATION_GRACE_MINUTES: '2.5' })).toThrow(
      /PAYMENT_CONFIRMATION_GRACE_MINUTES/,
    );
  });

  it('refuses an unknown time zone and a short secret', () => {
    expect(() =>
      parseEnv({ NODE_ENV: 'production', AUTH_SECRET: secret, CRON_SECRET: secret, APP_TIME_ZONE: 'Mars/Olympus' }),
    ).toThrow(/APP_TIME_ZONE/);
    expect(() => parseEnv({ NODE_ENV: 'production', AUTH_SECRET: 'short', CRON_SECRET: secret })).toThrow(
      /AUTH_SECRET: must be at least 16/,
    );
  });

  it('makes production name its payment provider; development, tests and e2e default to the sandbox', () => {
    const production = { NODE_ENV: 'production', AUTH_SECRET: secret, CRON_SECRET: secret };
    expect(() => parseEnv(production)).toThrow(/PAYMENT_PROVIDER is not set/);
    expect(parseEnv({ ...production, PAYMENT_PROVIDER: 'sandbox' }).PAYMENT_PROVIDER).toBe('sandbox');
    expect(parseEnv({ ...production, GAVEL_TEST_MODE: '1' }).PAYMENT_PROVIDER).toBe('sandbox');
    expect(parseEnv({ NODE_ENV: 'test', AUTH_SECRET: secret, CRON_SECRET: secret }).PAYMENT_PROVIDER).toBe('sandbox');
    expect(() => parseEnv({ ...production, PAYMENT_PROVIDER: 'paypal' })).toThrow(/PAYMENT_PROVIDER/);
  });

  it('reads TRUSTED_PROXY as none, vercel or a hop count, defaulting by platform', () => {
    const base = { NODE_ENV: 'test', AUTH_SECRET: secret, CRON_SECRET: secret };
    expect(parseEnv(base).TRUSTED_PROXY).toBe('none');
    expect(parseEnv({ ...base, VERCEL: '1' }).TRUSTED_PROXY).toBe('vercel');
    expect(parseEnv({ ...base, TRUSTED_PROXY: '2' }).TRUSTED_PROXY).toBe(2);
    expect(parseEnv({ ...base, TRUSTED_PROXY: 'vercel' }).TRUSTED_PROXY).toBe('vercel');
    for (const bad of ['0', '-1', 'all', '1.5'])
      expect(() => parseEnv({ ...base, TRUSTED_PROXY: bad })).toThrow(/TRUSTED_PROXY/);
  });

  it('reads WEBVIEW_FRAME_ORIGINS as a list of https origins', () => {
    const base = { NODE_ENV: 'test', AUTH_SECRET: secret, CRON_SECRET: secret };
    expect(parseEnv(base).WEBVIEW_FRAME_ORIGINS).toEqual([]);
    expect(
      parseEnv({ ...base, WEBVIEW_FRAME_ORIGINS: 'https://servicewechat.com, https://a.example:8443' })
        .WEBVIEW_FRAME_ORIGINS,
    ).toEqual(['https://servicewechat.com', 'https://a.example:8443']);
    for (const bad of ['https://a.example; script-src *', 'http://a.example', '*']) {
      expect(() => parseEnv({ ...base, WEBVIEW_FRAME_ORIGINS: bad })).toThrow(/WEBVIEW_FRAME_ORIGINS/);
    }
  });

  it('defaults the engine settings and refuses a strike limit or outbox concurrency below 1', () => {
    const env = parseEnv({
      NODE_ENV: 'production',
      AUTH_SECRET: secret,
      CRON_SECRET: secret,
      PAYMENT_PROVIDER: 'sandbox',
    });
    expect([env.STRIKE_LIMIT, env.OUTBOX_CONCURRENCY]).toEqual([3, 8]);
    expect(
      parseEnv({
        NODE_ENV: 'production',
        AUTH_SECRET: secret,
        CRON_SECRET: secret,
        PAYMENT_PROVIDER: 'sandbox',
        STRIKE_LIMIT: '5',
        OUTBOX_CONCURRENCY: '2',
      }),
    ).toMatchObject({ STRIKE_LIMIT: 5, OUTBOX_CONCURRENCY: 2 });
    expect(() =>
      parseEnv({
        NODE_ENV: 'production',
        AUTH_SECRET: secret,
        CRON_SECRET: secret,
        PAYMENT_PROVIDER: 'sandbox',
        STRIKE_LIMIT: '0',
      }),
    ).toThrow(/STRIKE_LIMIT/);
    expect(() =>
      parseEnv({
        NODE_ENV: 'production',
        AUTH_SECRET: secret,
        CRON_SECRET: secret,
        PAYMENT_PROVIDER: 'sandbox',
        OUTBOX_CONCURRENCY: '0',
      }),
    ).toThrow(/OUTBOX_CONCURRENCY/);
  });
});
