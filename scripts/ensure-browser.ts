import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { BUNDLED, SYSTEM_CHROMIUM, chooseBrowser } from '@/e2e/browser';

/**
 * Run by `npm run test:e2e` before Playwright: makes sure the browser playwright.config.ts
 * will launch exists, installing Playwright's own chromium when there is no system one. When
 * that is impossible it says, in one message, what to install, instead of every test failing
 * with a launch error.
 */
const choice = chooseBrowser();

if (choice.kind === 'invalid') fail(choice.message);
if (choice.kind === 'bundled' && !choice.installed) {
  const why =
    process.env.CHROMIUM_PATH?.trim() === BUNDLED
      ? `CHROMIUM_PATH=${BUNDLED} asks for Playwright's own chromium`
      : `there is no chromium at ${SYSTEM_CHROMIUM}`;
  console.log(`Installing Playwright's own chromium (npx playwright install chromium, about 150 MB): ${why}.`);
  const cli = createRequire(import.meta.url).resolve('@playwright/test/cli');
  // Its output is kept back: offline it repeats one download error several times over.
  const install = spawnSync(process.execPath, [cli, 'install', 'chromium'], { encoding: 'utf8' });
  const output = `${install.stdout ?? ''}${install.stderr ?? ''}`;
  if (install.status !== 0 || !isInstalled()) {
    const reason =
      /^Error: (?!Failed to download|Download failure).*$/m.exec(output)?.[0] ?? install.error?.message ?? 'it failed';
    fail(
      [
        `No browser for the e2e tests: ${why}, and it could not be installed (${reason}).`,
        'Provide a chromium, then run the tests again with one of:',
        `  - Debian/Ubuntu: sudo apt-get install chromium (used from ${SYSTEM_CHROMIUM} when CHROMIUM_PATH is unset)`,
        "  - anywhere with internet access: npx playwright install chromium (Playwright's own build)",
        '  - another chromium already installed: CHROMIUM_PATH=/path/to/chromium npm run test:e2e',
      ].join('\n'),
    );
  }
}

function isInstalled(): boolean {
  const again = chooseBrowser();
  return again.kind !== 'bundled' || again.installed;
}

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}
