import fs from 'node:fs';
import { chromium, type LaunchOptions } from '@playwright/test';

/** Debian's chromium, which the CI machine installs (.ci/run). */
export const SYSTEM_CHROMIUM = '/usr/bin/chromium';

/** `CHROMIUM_PATH=bundled` skips the system browser, e.g. when its version is too far from Playwright's. */
export const BUNDLED = 'bundled';

export type BrowserChoice =
  | { kind: 'system'; executablePath: string }
  | { kind: 'bundled'; executablePath: string; installed: boolean }
  | { kind: 'invalid'; message: string };

function isExecutable(file: string): boolean {
  try {
    fs.accessSync(file, fs.constants.X_OK);
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}

/**
 * Which chromium the e2e suites launch: CHROMIUM_PATH when set, else Debian's when present,
 * else Playwright's own (which `scripts/ensure-browser.ts` installs when it is missing).
 * Other distributions' chromium packages are left alone: some are wrappers around a snap,
 * and Playwright's own build is the version it is tested against.
 */
export function chooseBrowser(
  chromiumPath = process.env.CHROMIUM_PATH,
  executable = isExecutable,
  bundledPath = chromium.executablePath(),
): BrowserChoice {
  const wanted = chromiumPath?.trim();
  if (wanted && wanted !== BUNDLED) {
    if (executable(wanted)) return { kind: 'system', executablePath: wanted };
    return {
      kind: 'invalid',
      message: `CHROMIUM_PATH=${wanted} is not an executable file: point it at a chromium, or set CHROMIUM_PATH=${BUNDLED} for Playwright's own.`,
    };
  }
  if (!wanted && executable(SYSTEM_CHROMIUM)) return { kind: 'system', executablePath: SYSTEM_CHROMIUM };
  return { kind: 'bundled', executablePath: bundledPath, installed: executable(bundledPath) };
}

/**
 * Launch options for both Playwright configs. A system chromium runs as root in containers
 * (no sandbox) and must not phone home or update itself mid-run; Playwright's own build
 * already starts that way, so it gets only the channel that selects the full chromium rather
 * than the headless shell, the one file `npx playwright install chromium` is checked by.
 */
export function browserLaunchOptions(choice = chooseBrowser()): LaunchOptions {
  if (choice.kind === 'invalid') throw new Error(choice.message);
  if (choice.kind === 'bundled') return { channel: 'chromium' };
  return {
    executablePath: choice.executablePath,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  };
}
