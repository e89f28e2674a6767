import { expect, request as playwrightRequest, test, type APIRequestContext } from '@playwright/test';
import { MAX_FAILURES_PER_ACCOUNT } from '@/lib/auth/login-throttle';
import { screenshot, signIn, signUpBuyer } from './support';

// A seed buyer these tests only sign in as (right passwords count nothing); the tests that
// use up an account's sign-in limit sign up an account of their own.
const bai = { identifier: '13800000001', password: 'gavel-buyer' };

/** Posts Auth.js's own credentials endpoint, as a script would; returns the `code` it answers with. */
async function postCredentials(
  api: APIRequestContext,
  { identifier, password }: { identifier: string; password: string },
  headers: Record<string, string> = {},
) {
  const { csrfToken } = (await (await api.get('/api/auth/csrf')).json()) as { csrfToken: string };
  const response = await api.post('/api/auth/callback/credentials', {
    form: { csrfToken, identifier, password, callbackUrl: '/' },
    headers,
    maxRedirects: 0,
  });
  expect(response.status()).toBe(302);
  return new URL(response.headers().location!, 'http://x').searchParams.get('code');
}

test.describe('[SECURITY]', () => {
  test('a callbackUrl with a tab cannot send a buyer to another site, signed out or in', async ({ page, baseURL }) => {
    const origin = new URL(baseURL!).origin;
    await page.route(
      (url) => url.hostname.endsWith('evil.example'),
      (route) => route.abort(),
    );
    await page.goto('/login?callbackUrl=/%09/evil.example');
    await signIn(page, bai);
    await expect(page.getByTestId('current-user')).toBeVisible();
    expect(new URL(page.url()).origin).toBe(origin);
    expect(new URL(page.url()).pathname).toBe('/');

    await page.goto('/login?callbackUrl=/%09/evil.example');
    await expect(page.getByTestId('current-user')).toBeVisible();
    expect(new URL(page.url()).origin).toBe(origin);
  });

  test('a non-ASCII callbackUrl signs in and lands on that path, not on a 500', async ({ page }) => {
    const statuses: number[] = [];
    page.on('response', (response) => statuses.push(response.status()));
    await page.goto('/login?callbackUrl=/%E8%8C%B6');
    await signIn(page, bai);
    await expect(page).toHaveURL(/\/%E8%8C%B6$/);
    expect(statuses.filter((status) => status >= 500)).toEqual([]);
    await expect(page.getByRole('heading', { name: '页面不存在' })).toBeVisible();
    // Already signed in, the sign-in page sends the browser straight on, to the same safe path.
    const again = await page.request.get('/login?callbackUrl=/%E8%8C%B6', { maxRedirects: 0 });
    expect(again.status()).toBeLessThan(500);
    expect(again.headers()['location']).toMatch(/\/%E8%8C%B6$/);
  });

  test('pages carry a nonce CSP their own scripts satisfy, and the other security headers', async ({ page }) => {
    const violations: string[] = [];
    page.on('console', (message) => {
      if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
    });
    const response = await page.goto('/login');
    const headers = response!.headers();
    const nonce = /'nonce-([^']+)'/.exec(headers['content-security-policy'] ?? '')?.[1];
    expect(nonce).toBeTruthy();
    expect(headers['content-security-policy']).toContain("frame-ancestors 'self'");
    expect(headers['x-content-type-options']).toBe('nosniff');
    expect(headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
    expect(headers['strict-transport-security']).toContain('max-age=');
    const scriptNonces = await page
      .locator('script')
      .evaluateAll((scripts) => scripts.map((script) => (script as HTMLScriptElement).nonce));
    expect(scriptNonces.length).toBeGreaterThan(0);
    expect(scriptNonces.every((value) => value === nonce)).toBe(true);

    // The page still works under the policy: client validation, sign-in, the locale switch.
    await page.getByRole('button', { name: '登录' }).click();
    await expect(page.getByText('请输入手机号或邮箱')).toBeVisible();
    await signIn(page, bai);
    await expect(page.getByTestId('current-user')).toBeVisible();
    await page.getByLabel('语言').selectOption('en');
    await expect(page.getByRole('heading', { name: 'Auctions' })).toBeVisible();
    await page.getByLabel('Language').selectOption('zh-CN');
    await expect(page.getByRole('heading', { name: '拍卖专场' })).toBeVisible();
    expect(violations).toEqual([]);

    const api = await page.request.get('/api/auth/session');
    expect(api.headers()['x-content-type-options']).toBe('nosniff');
    // Route handlers render no documents: their policy lets nothing load and nobody frame them.
    expect(api.headers()['content-security-policy']).toBe("default-src 'none'; frame-ancestors 'none'");
  });

  // This server trusts no address header (TRUSTED_PROXY=none), so the account's own ceiling is
  // the limit: forged entries neither reset it nor give a rival a smaller one to lock the bidder out with.
  test('a forged X-Forwarded-For does not reset the sign-in limit', async ({ page, baseURL }) => {
    const account = await signUpBuyer(page);
    const api = await playwrightRequest.newContext({ baseURL });
    for (let i = 0; i < MAX_FAILURES_PER_ACCOUNT; i++) {
      expect(
        await postCredentials(api, { ...account, password: `guess-${i}` }, { 'x-forwarded-for': `198.51.100.${i}` }),
      ).toBe('invalid_credentials');
    }
    expect(await postCredentials(api, account, { 'x-forwarded-for': '203.0.113.99' })).toBe('rate_limited');
    await api.dispose();
  });

  test('a signed-in buyer stays signed in while someone guesses their password', async ({ page, baseURL }) => {
    const bidder = await signUpBuyer(page);
    const rival = await playwrightRequest.newContext({ baseURL });
    for (let i = 0; i < MAX_FAILURES_PER_ACCOUNT; i++)
      await postCredentials(rival, { ...bidder, password: `guess-${i}` });
    expect(await postCredentials(rival, bidder)).toBe('rate_limited');
    await rival.dispose();
    await page.reload();
    await expect(page.getByTestId('current-user')).toBeVisible();
  });

  test('Auth.js junk and oversized webhooks answer 4xx', async ({ request }) => {
    for (const path of [
      '/api/auth/callback/credentials',
      '/api/auth/signin/nope',
      '/api/auth/callback/nope',
      '/api/auth/error?error=Configuration',
    ]) {
      const response = await request.get(path);
      expect(response.status(), path).toBeLessThan(500);
    }
    const webhook = await request.post('/api/payments/sandbox/webhook', {
      data: 'x'.repeat(20_000),
      headers: { 'content-type': 'application/json' },
    });
    expect(webhook.status()).toBe(413);
  });

  test('the sandbox checkout of a production server says it takes test payments', async ({ page }) => {
    await page.goto('/login');
    await signIn(page, bai);
    await expect(page.getByTestId('current-user')).toBeVisible();
    // The seed's deposits are paid through the sandbox; find one of this buyer's.
    for (let id = 1; id <= 40; id++) {
      const response = await page.goto(`/sandbox/pay/seed-deposit-${id}`);
      if (response?.status() === 200) break;
    }
    await expect(page.getByRole('heading', { name: '沙箱支付' })).toBeVisible();
    await expect(page.getByTestId('test-payments')).toContainText('测试支付');
    await page.setViewportSize({ width: 375, height: 740 });
    await screenshot(page, 'sandbox-test-payments-375');
  });
});
