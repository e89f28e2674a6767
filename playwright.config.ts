import { defineConfig, devices } from '@playwright/test';
import { browserLaunchOptions } from './e2e/browser';
import { CRON_SECRET, DATA_DIR } from './e2e/support';

// E2E_PORT lets two checkouts run their suites side by side.
const PORT = Number(process.env.E2E_PORT ?? 3100);

const baseURL = `http://127.0.0.1:${PORT}`;

/**
 * End-to-end tests drive a production build (`npm run build` first) on a fresh embedded
 * database in .data/e2e, never on DATABASE_URL: e2e/serve.sh clears it on purpose, seeds the
 * demo data, then runs each file in e2e/fixtures/. Specs may read the demo data but change only what
 * they create (users through the sign-up page, the lifecycle's auction in e2e/fixtures/),
 * so each file runs alone or in any order.
 */
export default defineConfig({
  testDir: 'e2e',
  // The security suite has its own config and server (playwright.security.config.ts).
  testIgnore: 'security/**',
  outputDir: 'test-results',
  forbidOnly: Boolean(process.env.CI),
  retries: 0,
  workers: 1,
  reporter: [['list']],
  timeout: 60_000,
  expect: { timeout: 10_000 },
  use: {
    baseURL,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: browserLaunchOptions(),
  },
  projects: [
    { name: 'setup', testMatch: /.*\.setup\.ts/, use: { ...devices['Desktop Chrome'] } },
    {
      name: 'chromium',
      dependencies: ['setup'],
      use: { ...devices['Desktop Chrome'] },
    },
  ],
  webServer: {
    command: 'bash e2e/serve.sh e2e/fixtures/*.ts',
    url: `${baseURL}/login`,
    timeout: 180_000,
    reuseExistingServer: !process.env.CI,
    stdout: 'pipe',
    stderr: 'pipe',
    env: {
      PORT: String(PORT),
      GAVEL_DATA_DIR: DATA_DIR,
      DATABASE_URL: '',
      AUTH_SECRET: 'e2e-auth-secret-not-for-production',
      CRON_SECRET,
      APP_URL: baseURL,
      NEXT_TELEMETRY_DISABLED: '1',
      // Specs drive time themselves: the clock route moves it, /api/tick advances the lifecycles.
      GAVEL_TEST_MODE: '1',
      GAVEL_TICKER: 'off',
      // `next start` is production: it refuses to start without a named provider.
      PAYMENT_PROVIDER: 'sandbox',
    },
  },
});
