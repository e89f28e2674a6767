import { defineConfig } from '@playwright/test';
import { AUTH_SECRET, BASE_URL, CRON_SECRET, DATA_DIR, PORT, fuzzSeed } from './e2e/security/support';

fuzzSeed();

/**
 * `npm run test:security`: hostile HTTP against the production build (`npm run build` first)
 * on its own port and fresh embedded database. Plain requests, no browser. One worker runs
 * the files in their numbered order, each whatever the previous one's verdict: the payer
 * settles the pending charge in 2-matrix only after 1-checks and the IDOR test tried to, and
 * 4-limits moves the server's clock by days, so it comes last.
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
    command: 'bash e2e/serve.sh e2e/security/fixtures.ts',
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
      // As behind one proxy that appends the caller's address: `next start` fills
      // X-Forwarded-For with the socket address when a request has none, and 4-limits sends
      // `<spoofed>, 127.0.0.1` the way such a proxy forwards a client's forged header.
      TRUSTED_PROXY: '1',
    },
  },
});
