import http from 'node:http';
import { expect, test } from '@playwright/test';
import {
  BASE_URL,
  PORT,
  browserResolves,
  callAction,
  classify,
  discoveredAction,
  figures,
  rowCounts,
  securityFixtures,
  send,
  sessionCookie,
  type Answer,
  type Role,
} from './support';

const signIn = () => discoveredAction('actions/auth.ts#signInAction', '/login');
const signUp = () => discoveredAction('actions/auth.ts#signUpAction', '/signup');

function sessionFrom(answer: Answer): string | undefined {
  const cookie = answer.headers
    .getSetCookie()
    .find((value) => value.startsWith('authjs.session-token=') && !value.startsWith('authjs.session-token=;'));
  return cookie?.split(';')[0];
}

async function sessionOf(cookie: string): Promise<{ user?: { name?: string; role?: string } } | null> {
  const response = await fetch(`${BASE_URL}/api/auth/session`, { headers: { cookie } });
  return (await response.json()) as { user?: { name?: string; role?: string } } | null;
}

test('[SESSION] the session cookies the suite mints are the ones a real sign-in gives', async () => {
  const { buyer } = securityFixtures();
  const answer = await callAction(
    signIn(),
    { identifier: buyer.phone, password: buyer.password },
    { encoding: 'json' },
  );
  expect(answer.status, answer.body.slice(0, 300)).toBeLessThan(500);
  const real = sessionFrom(answer);
  expect(real, 'a sign-in with the right password sets a session cookie').toBeTruthy();
  const minted = await sessionCookie('buyer');
  expect(await sessionOf(minted!)).toMatchObject({ user: { name: buyer.name, role: 'buyer' } });
  expect(await sessionOf(real!)).toMatchObject({ user: { name: buyer.name, role: 'buyer' } });
});

// Query values as an attacker writes them in a link: each decodes to a hostile destination.
const HOSTILE_CALLBACKS = [
  '/%09/evil.example',
  '%09//evil.example',
  '/%0A/evil.example',
  '/%0D%0A/evil.example',
  '//evil.example',
  '///evil.example',
  '/%2F/evil.example',
  '/%5Cevil.example',
  '/%5C%5Cevil.example',
  'https://evil.example',
  'https:evil.example',
  'javascript:alert(1)',
  '/%E8%8C%B6',
  '/%0D%0ASet-Cookie:%20stolen=1',
  '/%00',
  `/${'a'.repeat(20_000)}`,
];

/** Follows redirects as a browser would; every hop must stay on our origin and none may fail. */
async function landing(start: string, role: Role, cookie?: string): Promise<{ hops: string[]; last: Answer }> {
  const hops = [start];
  let answer = await send(start, { role, headers: cookie ? { cookie } : {} });
  for (let hop = 0; hop < 5; hop++) {
    expect.soft(answer.status, `${hops.join(' → ')}: ${answer.body.slice(0, 200)}`).toBeLessThan(500);
    const location = answer.headers.get('location');
    if (!location || answer.status < 300 || answer.status >= 400) break;
    const target = browserResolves(location);
    expect.soft(target.origin, `${hops.join(' → ')} → ${JSON.stringify(location)}`).toBe(BASE_URL);
    if (target.origin !== BASE_URL) break;
    hops.push(target.pathname + target.search);
    answer = await send(target.pathname + target.search, { role, headers: cookie ? { cookie } : {} });
  }
  return { hops, last: answer };
}

test('[REDIRECT] a hostile callbackUrl never sends a signed-in buyer off the site, nor answers 500', async () => {
  for (const value of HOSTILE_CALLBACKS) {
    await test.step(value.slice(0, 60), async () => {
      await landing(`/login?callbackUrl=${value}`, 'buyer');
      await landing(`/login?callbackUrl=${value}`, 'anonymous');
    });
  }
  figures(test.info(), { 'open-redirect probes': HOSTILE_CALLBACKS.length * 2 });
});

test('[REDIRECT] signing in through the form with a hostile callbackUrl lands on the site', async () => {
  const { otherBuyer } = securityFixtures();
  for (const value of HOSTILE_CALLBACKS) {
    await test.step(value.slice(0, 60), async () => {
      const callbackUrl = decodeURIComponent(value);
      const answer = await callAction(
        signIn(),
        { identifier: otherBuyer.phone, password: otherBuyer.password, callbackUrl },
        { encoding: 'json' },
      );
      expect.soft(answer.status, answer.body.slice(0, 300)).toBeLessThan(500);
      const location = answer.headers.get('x-action-redirect') ?? answer.headers.get('location');
      expect.soft(location, `signed in without being sent anywhere: ${classify(answer)}`).toBeTruthy();
      if (location)
        expect.soft(browserResolves(location.split(';')[0]!).origin, JSON.stringify(location)).toBe(BASE_URL);
    });
  }
  figures(test.info(), { 'open-redirect probes': HOSTILE_CALLBACKS.length });
});

test('[HEADERS] pages and API answers carry the security headers', async () => {
  const f = securityFixtures();
  const targets: [string, Role][] = [
    ['/', 'anonymous'],
    ['/login', 'anonymous'],
    ['/admin', 'anonymous'],
    ['/admin', 'buyer'],
    ['/admin', 'admin'],
    [`/sandbox/pay/${f.pendingReference}`, 'buyer'],
    ['/no-such-page', 'anonymous'],
    ['/api/tick', 'anonymous'],
    ['/api/auth/session', 'buyer'],
  ];
  for (const [path, role] of targets) {
    await test.step(`${path} as ${role}`, async () => {
      const { headers } = await send(path, { role });
      expect.soft(headers.get('content-security-policy'), 'Content-Security-Policy').toMatch(/frame-ancestors\s/);
      expect.soft(headers.get('x-content-type-options'), 'X-Content-Type-Options').toBe('nosniff');
      expect.soft(headers.get('referrer-policy'), 'Referrer-Policy').toBeTruthy();
      // `next start` of a production build is production: HSTS belongs here, not in `next dev`.
      expect.soft(headers.get('strict-transport-security'), 'Strict-Transport-Security').toMatch(/max-age=\d{6,}/);
    });
  }
  figures(test.info(), { 'header probes': targets.length });
});

const SUBREQUEST_VALUES = [
  'middleware',
  'proxy',
  'src/middleware',
  'src/proxy',
  'pages/_middleware',
  'middleware:middleware:middleware:middleware:middleware',
  'proxy:proxy:proxy:proxy:proxy',
  'src/middleware:src/middleware:src/middleware:src/middleware:src/middleware',
];

test('[SUBREQUEST] x-middleware-subrequest (CVE-2025-29927) changes nothing', async () => {
  const f = securityFixtures();
  const targets: [string, Role][] = [
    ['/admin', 'anonymous'],
    ['/admin', 'buyer'],
    ['/admin/auctions', 'anonymous'],
    ['/admin/auctions', 'blockedBuyer'],
    [`/sandbox/pay/${f.pendingReference}`, 'anonymous'],
    [`/sandbox/pay/${f.pendingReference}`, 'otherBuyer'],
    ['/api/tick', 'anonymous'],
    ['/api/test/row-counts', 'buyer'],
    ['/', 'anonymous'],
  ];
  let tried = 0;
  for (const [path, role] of targets) {
    const plain = await send(path, { role });
    for (const value of SUBREQUEST_VALUES) {
      const bypass = await send(path, { role, headers: { 'x-middleware-subrequest': value } });
      tried++;
      const where = `${path} as ${role} with x-middleware-subrequest: ${value}`;
      expect.soft(bypass.status, where).toBe(plain.status);
      expect.soft(bypass.headers.get('location'), where).toBe(plain.headers.get('location'));
      // HTML carries a fresh nonce per answer; everything else must match byte for byte.
      if (!plain.headers.get('content-type')?.includes('text/html')) expect.soft(bypass.body, where).toBe(plain.body);
    }
  }
  figures(test.info(), { 'middleware-subrequest probes': tried });
});

/** Streams a body and stops writing once the server answers: how much it took before refusing. */
function streamBody(
  path: string,
  totalBytes: number,
  headers: Record<string, string>,
): Promise<{ status: number; written: number; ms: number }> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    let written = 0;
    let writtenAtAnswer = 0;
    let answered = false;
    const request = http.request({ host: '127.0.0.1', port: PORT, path, method: 'POST', headers });
    const timer = setTimeout(() => {
      request.destroy();
      reject(new Error(`no answer after ${written} bytes in 15 s`));
    }, 15_000);
    request.on('response', (response) => {
      answered = true;
      writtenAtAnswer = written;
      response.resume();
      response.on('end', () => {
        clearTimeout(timer);
        resolve({ status: response.statusCode ?? 0, written: writtenAtAnswer, ms: performance.now() - started });
        request.destroy();
      });
    });
    request.on('error', (error) => {
      if (!answered) {
        clearTimeout(timer);
        reject(error);
      }
    });
    const chunk = Buffer.alloc(64 * 1024, 'a');
    const pump = () => {
      while (!answered && written < totalBytes) {
        written += chunk.length;
        if (!request.write(chunk)) {
          request.once('drain', pump);
          return;
        }
      }
      if (!answered) request.end();
    };
    pump();
  });
}

test('[BODY CAP] the sandbox webhook refuses a body over 1 MB with 413, without reading it all', async () => {
  const total = 32 * 1024 * 1024;
  const headers = { 'content-type': 'application/json', 'x-sandbox-signature': '00' };
  const chunked = await streamBody('/api/payments/sandbox/webhook', total, headers);
  expect.soft(chunked.status, 'streamed without a length').toBe(413);
  expect.soft(chunked.written, 'bytes sent before the answer came').toBeLessThan(total);
  expect.soft(chunked.ms).toBeLessThan(5_000);
  // Large enough that socket buffers cannot swallow it all while a server that refuses by
  // Content-Length reads nothing.
  const declaredBytes = 64 * 1024 * 1024;
  const declared = await streamBody('/api/payments/sandbox/webhook', declaredBytes, {
    ...headers,
    'content-length': String(declaredBytes),
  });
  expect.soft(declared.status, 'with Content-Length: 64 MB').toBe(413);
  expect.soft(declared.written, 'bytes sent before the answer came').toBeLessThan(declaredBytes);
  figures(test.info(), { 'body-cap probes': 2 });
});

const MASS_ASSIGNMENT = {
  role: 'admin',
  isAdmin: 'true',
  blocked: 'false',
  id: '1',
  userId: '1',
  status: 'active',
  createdAt: '2000-01-01T00:00:00Z',
};

test('[MASS ASSIGNMENT] fields a form does not have change nothing: a sign-up asking to be admin is a buyer', async () => {
  let tried = 0;
  for (const [index, encoding] of (['json', 'multipart'] as const).entries()) {
    await test.step(encoding, async () => {
      const phone = `1390000${String(7100 + index)}`;
      const before = await rowCounts();
      const answer = await callAction(
        signUp(),
        {
          name: `越权测试${index}`,
          phone,
          password: 'mass-assign-2026',
          confirmPassword: 'mass-assign-2026',
          ...MASS_ASSIGNMENT,
        },
        { encoding },
      );
      tried++;
      expect(answer.status, answer.body.slice(0, 300)).toBeLessThan(500);
      const session = sessionFrom(answer);
      expect(
        session,
        `the sign-up succeeds and signs in: ${classify(answer)} ${answer.body.slice(0, 200)}`,
      ).toBeTruthy();
      expect(await sessionOf(session!)).toMatchObject({ user: { role: 'buyer' } });
      expect((await fetch(`${BASE_URL}/admin`, { headers: { cookie: session! }, redirect: 'manual' })).status).toBe(
        403,
      );
      const after = await rowCounts();
      expect(after, 'one new user and nothing else').toEqual({ ...before, users: (before.users ?? 0) + 1 });
    });
  }
  const { otherBuyer } = securityFixtures();
  const answer = await callAction(
    signIn(),
    { identifier: otherBuyer.phone, password: otherBuyer.password, ...MASS_ASSIGNMENT },
    { encoding: 'json' },
  );
  tried++;
  const session = sessionFrom(answer);
  expect(session).toBeTruthy();
  expect(await sessionOf(session!)).toMatchObject({ user: { name: otherBuyer.name, role: 'buyer' } });
  figures(test.info(), { 'mass-assignment probes': tried });
});

test("[AUTH.JS] Auth.js's own routes answer junk with a 4xx or a redirect, never a 500", async () => {
  const junk: [string, string, Record<string, string>?][] = [
    ['GET', '/api/auth/callback/credentials'],
    ['GET', '/api/auth/signin?callbackUrl=3.3e%2B202'],
    ['GET', '/api/auth/signin?callbackUrl=%2F%09%2Fevil.example'],
    ['GET', '/api/auth/signin/credentials'],
    ['GET', '/api/auth/error?error=%00%0D%0A'],
    ['GET', '/api/auth/no-such-action'],
    ['GET', '/api/auth/callback/nope?code=x'],
    ['POST', '/api/auth/callback/credentials', { 'content-type': 'application/x-www-form-urlencoded' }],
    ['POST', '/api/auth/signout', { 'content-type': 'application/x-www-form-urlencoded' }],
    ['POST', '/api/auth/session', { 'content-type': 'application/json' }],
  ];
  for (const [method, path, headers] of junk) {
    for (const role of ['anonymous', 'buyer'] as const) {
      const answer = await send(path, {
        method,
        role,
        headers,
        body: method === 'POST' ? 'identifier=%00&password=x&csrfToken=forged' : undefined,
      });
      expect.soft(answer.status, `${method} ${path} as ${role}: ${answer.body.slice(0, 200)}`).toBeLessThan(500);
      const location = answer.headers.get('location');
      if (location) expect.soft(browserResolves(location).origin, `${method} ${path} → ${location}`).toBe(BASE_URL);
    }
  }
  figures(test.info(), { 'auth.js probes': junk.length * 2 });
});
