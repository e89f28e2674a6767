import { createHash } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { test } from '@playwright/test';
import { encode } from 'next-auth/jwt';
import { CRON_SECRET } from '../support';
import { fixturesFile, type FixtureUser, type SecurityFixtures } from './fixtures-file';

// Ports 3211–3219 belong to this suite, so it runs beside `npm run test:e2e`.
export const PORT = Number(process.env.SECURITY_PORT ?? 3211);
export const BASE_URL = `http://127.0.0.1:${PORT}`;
export const DATA_DIR = '.data/e2e-security';
export const AUTH_SECRET = 'e2e-security-auth-secret-not-for-production';
export { CRON_SECRET };

/**
 * One seed per run, chosen in the runner's main process (playwright.security.config.ts) so
 * every worker, including one restarted after a failure, generates from the same seed.
 */
export function fuzzSeed(): number {
  process.env.FUZZ_SEED ??= String(Math.floor(Math.random() * 2 ** 31));
  return Number(process.env.FUZZ_SEED);
}

/** Inputs per target, role and encoding: 12 keeps the whole suite within about three minutes on 2 cores. */
export const fuzzRuns = () => Number(process.env.FUZZ_RUNS ?? 12);

/** Tables the refused requests are expected to touch: the throttles count them. */
const COUNTER_TABLES = new Set(['rate_limits', 'login_attempts']);

export const ROLES = ['anonymous', 'blockedBuyer', 'admin', 'otherBuyer', 'buyer'] as const;
export type Role = (typeof ROLES)[number];

const fixturesByArea = new Map<string, unknown>();

/** What e2e/security/fixtures/<area>.ts wrote for the matrix rows of its area. */
export function areaFixtures<T>(area: string): T {
  if (!fixturesByArea.has(area))
    fixturesByArea.set(area, JSON.parse(fs.readFileSync(fixturesFile(DATA_DIR, area), 'utf8')));
  return fixturesByArea.get(area) as T;
}

/** The users every area's rows are probed as, and the core records (e2e/security/fixtures/core.ts). */
export function securityFixtures(): SecurityFixtures {
  return areaFixtures<SecurityFixtures>('core');
}

function userOf(role: Exclude<Role, 'anonymous'>): FixtureUser {
  return securityFixtures()[role];
}

const SESSION_COOKIE = 'authjs.session-token';
const sessions = new Map<Role, string>();

/**
 * A session cookie as Auth.js issues it after a sign-in (same secret, salt and claims). The
 * blocked buyer can no longer sign in, but a token minted before the block is exactly what
 * they would still hold; `[SESSION]` in 1-checks.spec.ts compares one with a real sign-in.
 */
export async function sessionCookie(role: Role): Promise<string | undefined> {
  if (role === 'anonymous') return undefined;
  const cached = sessions.get(role);
  if (cached) return cached;
  const user = userOf(role);
  const token = await encode({
    token: { sub: String(user.id), uid: String(user.id), role: user.role, name: user.name },
    secret: AUTH_SECRET,
    salt: SESSION_COOKIE,
  });
  const cookie = `${SESSION_COOKIE}=${token}`;
  sessions.set(role, cookie);
  return cookie;
}

export type Answer = { status: number; headers: Headers; body: string; ms: number };

/**
 * The address the server's trusted proxy (TRUSTED_PROXY=1) reports for the running test: one
 * of its own in 198.18.0.0/15, the benchmarking range, so the per-client throttles one test
 * fills never refuse another's requests, whichever file runs first.
 */
export function clientAddress(): string {
  const { file, titlePath } = test.info();
  const [a = 0, b = 0] = createHash('sha256').update(path.basename(file)).update(titlePath.join('\0')).digest();
  return `198.${18 + (a % 2)}.${b}.${1 + (a >> 1)}`;
}

// Chromium accepts response headers up to 256 kB; Node's fetch stops at 16 kB, which would
// turn an app that echoes a long value into a harness crash instead of an answer to judge.
const MAX_HEADER_BYTES = 256 * 1024;

export async function send(
  pathAndQuery: string,
  {
    method = 'GET',
    headers = {},
    body,
    role = 'anonymous',
  }: { method?: string; headers?: Record<string, string>; body?: BodyInit; role?: Role } = {},
): Promise<Answer> {
  const cookie = await sessionCookie(role);
  // Request serialises FormData and URLSearchParams exactly as fetch would, boundary included.
  const prepared = new Request(`${BASE_URL}${pathAndQuery}`, { method, body, headers });
  const payload = body === undefined ? undefined : Buffer.from(await prepared.arrayBuffer());
  const requestHeaders: Record<string, string> = {
    // Same-origin, as a browser posts from our own pages: Next refuses cross-site action posts itself.
    origin: BASE_URL,
    'x-forwarded-for': clientAddress(),
    ...Object.fromEntries(prepared.headers),
    ...(cookie ? { cookie } : {}),
    ...(payload ? { 'content-length': String(payload.length) } : {}),
  };
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const request = http.request(
      {
        host: '127.0.0.1',
        port: PORT,
        path: new URL(prepared.url).pathname + new URL(prepared.url).search,
        method,
        headers: requestHeaders,
        maxHeaderSize: MAX_HEADER_BYTES,
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => {
          const answerHeaders = new Headers();
          for (const [name, value] of Object.entries(response.headers)) {
            for (const item of Array.isArray(value) ? value : value === undefined ? [] : [value])
              answerHeaders.append(name, item);
          }
          resolve({
            status: response.statusCode ?? 0,
            headers: answerHeaders,
            body: Buffer.concat(chunks).toString('utf8'),
            ms: performance.now() - started,
          });
        });
        response.on('error', reject);
      },
    );
    request.on('error', (error: NodeJS.ErrnoException) => {
      // An answer whose headers no browser would take (a long value echoed into Location or
      // Set-Cookie) is judged like any other unacceptable answer rather than crashing the run.
      if (error.code === 'HPE_HEADER_OVERFLOW')
        resolve({
          status: 0,
          headers: new Headers(),
          body: `response headers over ${MAX_HEADER_BYTES / 1024} kB`,
          ms: performance.now() - started,
        });
      else reject(new Error(`${method} ${pathAndQuery.slice(0, 200)}: ${error.message}`));
    });
    request.end(payload);
  });
}

// ---------- discovery ----------

export type Surface =
  | { kind: 'page' | 'route'; key: string; pattern: string }
  | { kind: 'action'; key: string; id: string; hostPages: string[] };

function readJson<T>(file: string): T {
  const location = path.join('.next', file);
  if (!fs.existsSync(location))
    throw new Error(
      `No ${location}: the suite discovers its targets in the production build, run 'npm run build' first.`,
    );
  return JSON.parse(fs.readFileSync(location, 'utf8')) as T;
}

/**
 * Every page, route handler and server action of the production build, from its manifests:
 * whatever is added to the app is fuzzed and must be classified in the matrix.
 */
export function discoverSurface(): Surface[] {
  const routes = readJson<Record<string, string>>('app-path-routes-manifest.json');
  const references = readJson<{
    node: Record<string, { workers: Record<string, unknown>; filename: string; exportedName: string }>;
  }>('server/server-reference-manifest.json');
  const surface: Surface[] = Object.entries(routes).map(([entry, pattern]) => ({
    kind: entry.endsWith('/route') ? ('route' as const) : ('page' as const),
    key: pattern,
    pattern,
  }));
  for (const [id, reference] of Object.entries(references.node)) {
    const hostPages = Object.keys(reference.workers)
      .filter((worker) => worker.endsWith('/page') || worker.endsWith('/route'))
      .map((worker) => routes[worker.replace(/^app/, '')])
      .filter((pattern): pattern is string => Boolean(pattern));
    surface.push({ kind: 'action', key: `${reference.filename}#${reference.exportedName}`, id, hostPages });
  }
  return surface;
}

/**
 * Real values for each dynamic segment, the first one the default: a segment added to the
 * app without examples here stops the suite with a message saying so.
 */
/** A server action of the build by its source key, posted to `page`; a missing one fails the test. */
export function discoveredAction(key: string, page: string): { id: string; page: string } {
  const found = discoverSurface().find((item) => item.key === key);
  if (!found || found.kind !== 'action') throw new Error(`${key} is not in the build`);
  return { id: found.id, page };
}

export function segmentExamples(name: string, pattern: string): string[] {
  const f = securityFixtures();
  const examples: Record<string, string[]> = {
    id: [String(f.auctionId), '1', '0', '-1', '1.5', '99999999999999999999'],
    lotId: ['1', '0', '-1', '1.5', '99999999999999999999'],
    reference: [f.pendingReference, ...(f.paidReference ? [f.paidReference] : []), 'sbx_ch_00000000000000000000'],
    path: [
      'demo/auction-1-lot-1.svg',
      'demo/missing.svg',
      '..%2F..%2Fpackage.json',
      'demo/..%2F..%2Fpglite%2FPG_VERSION',
    ],
    nextauth: [
      'session',
      'csrf',
      'providers',
      'signin',
      'signout',
      'callback/credentials',
      'signin/credentials',
      'error',
      'callback/nope',
      'webauthn-options/x',
    ],
  };
  const values = examples[name];
  if (!values)
    throw new Error(
      `No test value for the dynamic segment [${name}] of ${pattern}: add examples to segmentExamples in e2e/security/support.ts`,
    );
  return values;
}

/** The names of a pattern's dynamic segments, in order. */
export function dynamicSegments(pattern: string): string[] {
  return [...pattern.matchAll(/\[(?:\.\.\.)?(\w+)\]/g)].map((match) => match[1]!);
}

/** A pattern with its dynamic segments replaced, in order, by ready-to-send path text. */
export function fillPath(pattern: string, values: string[]): string {
  let index = 0;
  return pattern.replace(/\[(?:\.\.\.)?\w+\]/g, () => values[index++] ?? '');
}

/** A path the app answers for: each dynamic segment's default example. */
export function concretePath(pattern: string): string {
  return fillPath(
    pattern,
    dynamicSegments(pattern).map((name) => segmentExamples(name, pattern)[0]!),
  );
}

// ---------- server actions ----------

export type ActionEncoding = 'json' | 'multipart' | 'no-js-form';

/**
 * Posts to an action the three ways a browser does: a client call with an object (JSON array
 * of arguments as text/plain), a client call with FormData (React's reply encoding: `0` names
 * the argument list, `1_<field>` carry the form's fields), and a form posted without JavaScript.
 */
export function callAction(
  action: { id: string; page: string },
  arg: unknown,
  {
    encoding,
    role = 'anonymous',
    headers = {},
  }: { encoding: ActionEncoding; role?: Role; headers?: Record<string, string> },
): Promise<Answer> {
  if (encoding === 'json') {
    return send(action.page, {
      method: 'POST',
      role,
      headers: {
        'next-action': action.id,
        'content-type': 'text/plain;charset=UTF-8',
        accept: 'text/x-component',
        ...headers,
      },
      // React's encodeReply escapes a leading `$` (its reference marker) by doubling it.
      body: JSON.stringify([arg], (_, value: unknown) =>
        typeof value === 'string' && value.startsWith('$') ? `$${value}` : value,
      ),
    });
  }
  const form = new FormData();
  // React names the fields of FormData argument n `_n_<field>` and sends the argument list
  // `0` last: the server resolves the list as soon as `0` arrives (react-server-dom encodeReply).
  const prefix = encoding === 'multipart' ? '_1_' : '';
  if (encoding === 'no-js-form') form.set(`$ACTION_ID_${action.id}`, '');
  for (const [field, value] of Object.entries(asFields(arg))) form.append(`${prefix}${field}`, value);
  if (encoding === 'multipart') form.set('0', '["$K1"]');
  return send(action.page, {
    method: 'POST',
    role,
    headers: encoding === 'multipart' ? { 'next-action': action.id, accept: 'text/x-component', ...headers } : headers,
    body: form,
  });
}

/** A form can only carry strings: anything else is posted as the text a browser would send. */
export function asFields(arg: unknown): Record<string, string> {
  if (!arg || typeof arg !== 'object' || Array.isArray(arg)) return { value: String(arg) };
  return Object.fromEntries(
    Object.entries(arg).map(([key, value]) => [key, typeof value === 'string' ? value : (JSON.stringify(value) ?? '')]),
  );
}

type ActionResult = { ok: boolean; code?: string; error?: string };

/** The action's return value in the RSC payload (line 1), if it returned an object. */
export function actionResult(answer: Answer): ActionResult | undefined {
  for (const line of answer.body.split('\n')) {
    const match = /^1:(\{.*\})$/.exec(line);
    if (!match?.[1]) continue;
    try {
      const value = JSON.parse(match[1]) as Partial<ActionResult>;
      if (typeof value.ok === 'boolean') return value as ActionResult;
    } catch {
      return undefined;
    }
  }
  return undefined;
}

// ---------- classification ----------

const STATUS_NAMES: Record<number, string> = {
  200: 'ok',
  400: 'invalid',
  401: 'unauthenticated',
  403: 'forbidden',
  404: 'not-found',
  405: 'method-not-allowed',
  409: 'conflict',
  413: 'too-large',
  429: 'rate-limited',
};

/** One word for what a caller got: the vocabulary of the authorisation matrix. */
export function classify(answer: Answer): string {
  if (answer.status === 0) return answer.body;
  if (answer.status >= 500) return `error ${answer.status}`;
  const location = answer.headers.get('x-action-redirect') ?? answer.headers.get('location');
  if (location) {
    const target = new URL(location.split(';')[0]!, BASE_URL);
    if (target.pathname === '/login') return 'login';
    return `redirect ${target.pathname.replace(securityFixtures().pendingReference, '{reference}')}${target.search}`;
  }
  const result = actionResult(answer);
  if (result) return result.ok ? 'ok' : (STATUS_NAMES[codeStatus(result.code)] ?? String(result.code).toLowerCase());
  // An action that returns nothing: a form action's only answer when it neither redirects nor fails.
  if (/^1:"\$undefined"$/m.test(answer.body)) return 'no result';
  return STATUS_NAMES[answer.status] ?? String(answer.status);
}

function codeStatus(code: string | undefined): number {
  const statuses: Record<string, number> = {
    VALIDATION: 400,
    UNAUTHENTICATED: 401,
    INVALID_CREDENTIALS: 401,
    FORBIDDEN: 403,
    NOT_FOUND: 404,
    CONFLICT: 409,
    RATE_LIMITED: 429,
  };
  return statuses[code ?? ''] ?? 0;
}

/** Why an answer to hostile input is not acceptable, or null: no 5xx, no hidden INTERNAL, a message with every refusal. */
export function unacceptable(answer: Answer): string | null {
  if (answer.status === 0) return answer.body;
  if (answer.status >= 500) return `HTTP ${answer.status}`;
  const result = actionResult(answer);
  if (result?.code === 'INTERNAL') return 'action answered INTERNAL';
  if (result && !result.ok && !result.error) return 'action refused without a message';
  // Next itself answers a method the route does not export with an empty 405: the status is the message.
  if (answer.status >= 400 && answer.status !== 405 && answer.body.trim().length === 0)
    return `HTTP ${answer.status} without a message`;
  return null;
}

// ---------- test-mode routes ----------

export async function rowCounts(): Promise<Record<string, number>> {
  const answer = await send('/api/test/row-counts', { headers: { authorization: `Bearer ${CRON_SECRET}` } });
  if (answer.status !== 200) throw new Error(`/api/test/row-counts answered ${answer.status}: ${answer.body}`);
  const { tables } = JSON.parse(answer.body) as { tables: Record<string, number> };
  return Object.fromEntries(Object.entries(tables).filter(([table]) => !COUNTER_TABLES.has(table)));
}

/** Figures for the closing summary (see figures-reporter.ts). */
export function figures(
  testInfo: { annotations: { type: string; description?: string }[] },
  counts: Record<string, number>,
) {
  testInfo.annotations.push({ type: 'figures', description: JSON.stringify(counts) });
}

/** Browsers drop tab, CR and LF from a URL before resolving it. */
export function browserResolves(location: string, base = BASE_URL): URL {
  return new URL(location.replace(/[\t\r\n]/g, ''), base);
}
