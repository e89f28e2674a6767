import { defineConfig } from '@playwright/test';
import { AUTH_SECRET, BASE_URL, CRON_SECRET, DATA_DIR, PORT, fuzzSeed } from './e2e/security/support';

fuzzSeed();

/**
 * `npm run test:security`: hostile HTTP against the production build (`npm run build` first)
 * on its own port and fresh embedded database. Plain requests, no browser. One worker, so
 * row counts taken around a request see only that request. No file needs another to have
 * run first: every test calls from an address of its own (clientAddress in
 * e2e/security/support.ts), so no throttle one fills refuses another, nothing moves the
 * server's clock, and the one change to the fixtures (the payer settling the pending charge
 * in 2-matrix) comes after the test in that file that needs the charge open.
 */
export default defineConfig({
  testDir: 'e2e/security',
  outputDir: 'test-results/security',
  forbidOnly: Boolean(process.env.CI),
  retries: 0,
  workers: 1,
  reporter: [['./e2e/security/figures-reporter.ts'], ['list']],
  timeout: 180_000,
  expect: { timeout: 10_000 },
  use: { baseURL: BASE_URL },
  fullyParallel: false,
  webServer: {
    command: 'bash e2e/serve.sh e2e/security/fixtures/*.ts',
    url: `${BASE_URL}/login`,
    timeout: 180_000,
    // Always a fresh server: the suite counts rows and throttles from a known start.
    reuseExistingServer: false,
    stdout: 'pipe',
    stderr: 'pipe',
    env: {
      PORT: String(PORT),
      GAVEL_DATA_DIR: DATA_DIR,
      DATABASE_URL: '',
      AUTH_SECRET,
      CRON_SECRET,
      APP_URL: BASE_URL,
      NEXT_TELEMETRY_DISABLED: '1',
      GAVEL_TEST_MODE: '1',
      GAVEL_TICKER: 'off',
      PAYMENT_PROVIDER: 'sandbox',
      // As behind one proxy that appends the caller's address: the suite sends each test's
      // own address in X-Forwarded-For, and 4-limits sends `<spoofed>, <its address>` the way
      // such a proxy forwards a client's forged header.
      TRUSTED_PROXY: '1',
    },
  },
});
