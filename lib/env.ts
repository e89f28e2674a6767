// The secrets live here: a client component that reaches this fails the build.
import 'server-only';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';

/**
 * The one place that reads process.env. Parsed lazily (never at import time) so that
 * `next build`, which imports route modules, does not need production secrets.
 */

const emptyAsUndefined = (value: unknown) => (value === '' ? undefined : value);

const databaseUrl = z.preprocess(
  emptyAsUndefined,
  z
    .string()
    .refine((value) => {
      try {
        const url = new URL(value);
        return (url.protocol === 'postgres:' || url.protocol === 'postgresql:') && url.hostname !== '';
      } catch {
        return false;
      }
    }, 'must be a postgres:// or postgresql:// URL with a host, e.g. postgres://user@127.0.0.1:5432/gavel')
    .optional(),
);

const secret = z.preprocess(emptyAsUndefined, z.string().min(16, 'must be at least 16 characters').optional());

/** Payment providers this build can talk to. */
export const paymentProviders = ['sandbox'] as const;
export type PaymentProviderName = (typeof paymentProviders)[number];

export const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  DATABASE_URL: databaseUrl,
  DATABASE_DRIVER: z.preprocess(emptyAsUndefined, z.enum(['pg', 'neon']).optional()),
  AUTH_SECRET: secret,
  CRON_SECRET: secret,
  UPLOADTHING_TOKEN: z.preprocess(emptyAsUndefined, z.string().optional()),
  APP_TIME_ZONE: z.preprocess(
    emptyAsUndefined,
    z
      .string()
      .default('Asia/Shanghai')
      .refine((zone) => {
        try {
          new Intl.DateTimeFormat('en', { timeZone: zone });
          return true;
        } catch {
          return false;
        }
      }, 'must be an IANA time zone such as Asia/Shanghai'),
  ),
  APP_URL: z.preprocess(
    emptyAsUndefined,
    z.url('must be an absolute URL such as https://gavel.example.com').default('http://localhost:3000'),
  ),
  GAVEL_DATA_DIR: z.preprocess(emptyAsUndefined, z.string().default('.data')),
  /** The 24-hour rule's window, in hours. */
  ORDER_PAYMENT_HOURS: z.preprocess(
    emptyAsUndefined,
    z.coerce
      .number()
      .positive('must be a positive number of hours')
      .max(24 * 30)
      .default(24),
  ),
  /** How long an order whose charge is still open at its due time waits for the provider, in minutes. */
  PAYMENT_CONFIRMATION_GRACE_MINUTES: z.preprocess(
    emptyAsUndefined,
    z.coerce
      .number()
      .int('must be a whole number of minutes')
      .min(0, 'must be 0 or more minutes')
      .max(24 * 60)
      .default(5),
  ),
  /** Buyers are blocked from bidding once this many of their orders went overdue. */
  STRIKE_LIMIT: z.preprocess(
    emptyAsUndefined,
    z.coerce.number().int('must be a whole number').positive('must be at least 1').default(3),
  ),
  /** Refunds and notifications the tick sends to providers at once. */
  OUTBOX_CONCURRENCY: z.preprocess(
    emptyAsUndefined,
    z.coerce.number().int('must be a whole number').min(1, 'must be at least 1').max(64).default(8),
  ),
  /** The in-process ticker of `npm run dev` / `npm start`; tests and Vercel (cron) turn it off. */
  GAVEL_TICKER: z.preprocess(emptyAsUndefined, z.enum(['on', 'off']).default('on')),
  /** Exposes the test clock route. Only for end-to-end tests; never on a real deployment. */
  GAVEL_TEST_MODE: z.preprocess(emptyAsUndefined, z.enum(['0', '1']).default('0')),
  VERCEL: z.preprocess(emptyAsUndefined, z.string().optional()),
  /**
   * Which proxies may tell us the client's address: `none` (nobody; `next start` does not
   * expose the socket to handlers, so every caller shares one bucket), `vercel` (Vercel's
   * own headers), or a number of proxy hops in front of the app. Default: `vercel` on
   * Vercel, `none` elsewhere.
   */
  TRUSTED_PROXY: z.preprocess(
    emptyAsUndefined,
    z
      .string()
      .regex(/^(none|vercel|[1-9]\d?)$/, 'must be none, vercel or a number of proxy hops (1-99)')
      .transform((value): TrustedProxy => (value === 'none' || value === 'vercel' ? value : Number(value)))
      .optional(),
  ),
  /** Origins (comma separated) allowed to frame the pages, e.g. a mini-program web-view host. */
  WEBVIEW_FRAME_ORIGINS: z.preprocess(
    emptyAsUndefined,
    z
      .string()
      .default('')
      .transform((value) =>
        value
          .split(',')
          .map((origin) => origin.trim())
          .filter(Boolean),
      )
      .refine(
        (origins) => origins.every((origin) => /^https:\/\/[a-z0-9.-]+(:\d+)?$/i.test(origin)),
        'must be https origins separated by commas, e.g. https://servicewechat.com',
      ),
  ),
  /** The payment provider that takes buyers' money; production must name it. */
  PAYMENT_PROVIDER: z.preprocess(emptyAsUndefined, z.enum(paymentProviders).optional()),
});

/** `none`, `vercel`, or how many proxy hops stand in front of the app. */
export type TrustedProxy = 'none' | 'vercel' | number;

export type Env = Omit<z.infer<typeof envSchema>, 'TRUSTED_PROXY' | 'PAYMENT_PROVIDER'> & {
  AUTH_SECRET: string;
  CRON_SECRET: string;
  TRUSTED_PROXY: TrustedProxy;
  PAYMENT_PROVIDER: PaymentProviderName;
};

export class EnvError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'EnvError';
  }
}

/** In development a missing secret is generated once and kept beside the embedded database. */
function loadDevelopmentSecrets(dataDir: string): { AUTH_SECRET: string; CRON_SECRET: string } {
  const file = path.join(dataDir, 'secrets.json');
  let stored: Partial<Record<string, string>> = {};
  if (fs.existsSync(file)) stored = JSON.parse(fs.readFileSync(file, 'utf8')) as Partial<Record<string, string>>;
  const secrets = {
    AUTH_SECRET: stored.AUTH_SECRET ?? randomBytes(32).toString('base64url'),
    CRON_SECRET: stored.CRON_SECRET ?? randomBytes(32).toString('base64url'),
  };
  if (stored.AUTH_SECRET !== secrets.AUTH_SECRET || stored.CRON_SECRET !== secrets.CRON_SECRET) {
    fs.mkdirSync(dataDir, { recursive: true });
    fs.writeFileSync(file, JSON.stringify(secrets, null, 2), { mode: 0o600 });
  }
  return secrets;
}

/** Parses an environment; throws EnvError naming every bad variable. Exported for tests. */
export function parseEnv(source: Record<string, string | undefined>): Env {
  const result = envSchema.safeParse(source);
  if (!result.success) {
    const lines = result.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`);
    throw new EnvError(`Invalid environment:\n${lines.join('\n')}`);
  }
  const env = result.data;
  const needsGenerated = env.NODE_ENV !== 'production' && (!env.AUTH_SECRET || !env.CRON_SECRET);
  const generated = needsGenerated ? loadDevelopmentSecrets(env.GAVEL_DATA_DIR) : undefined;
  const AUTH_SECRET = env.AUTH_SECRET ?? generated?.AUTH_SECRET;
  const CRON_SECRET = env.CRON_SECRET ?? generated?.CRON_SECRET;
  const problems = [
    ...[AUTH_SECRET ? null : 'AUTH_SECRET', CRON_SECRET ? null : 'CRON_SECRET']
      .filter(Boolean)
      .map((name) => `${name} is not set: production needs it (generate one with \`openssl rand -base64 32\`).`),
    // A real deployment must choose who takes the money: defaulting to the sandbox would let
    // buyers "pay" with buttons that move nothing.
    !env.PAYMENT_PROVIDER && env.NODE_ENV === 'production' && env.GAVEL_TEST_MODE !== '1'
      ? `PAYMENT_PROVIDER is not set: production needs an explicit choice (${paymentProviders.join(', ')}).`
      : null,
    env.GAVEL_TEST_MODE === '1' && env.VERCEL
      ? 'GAVEL_TEST_MODE=1 lets anyone move the clock: it is refused on Vercel.'
      : null,
  ].filter(Boolean);
  if (problems.length > 0 || !AUTH_SECRET || !CRON_SECRET) throw new EnvError(problems.join('\n'));
  return {
    ...env,
    AUTH_SECRET,
    CRON_SECRET,
    TRUSTED_PROXY: env.TRUSTED_PROXY ?? (env.VERCEL ? 'vercel' : 'none'),
    PAYMENT_PROVIDER: env.PAYMENT_PROVIDER ?? 'sandbox',
  };
}

const globalForEnv = globalThis as typeof globalThis & { gavelEnv?: Env };

export function env(): Env {
  globalForEnv.gavelEnv ??= parseEnv(process.env);
  return globalForEnv.gavelEnv;
}
