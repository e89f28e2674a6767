/**
 * The lot page's first-load JavaScript, gzip-compressed, from the production build's manifests:
 * the root main files every page loads (React and the Next.js App Router runtime) plus every
 * client entry the page's client-reference manifest lists (its layouts, boundaries and the
 * page itself). Prints each file, the total, Gavel's own share on top of the framework, and
 * what the page adds when a buyer opens it from the home page.
 *
 * Issue 12 asked for 120 kB in all, but the App Router runtime alone (Next 16.4 + React 19.3,
 * Turbopack or webpack alike) is about 129 kB, so no App Router page can meet it. A Pages
 * Router page would start at about 110 kB, but a buyer coming from any other page would then
 * download both runtimes. What the app controls is its own share: it exits 1 when that grows
 * past APP_BUDGET_BYTES.
 *
 * Run after `npm run build`: `npm run size:lot`.
 */
import fs from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

const ISSUE_TARGET_BYTES = 120 * 1024;
const APP_BUDGET_BYTES = 24 * 1024;
const ROUTE = '/(buyer)/lots/[id]/page';
/** Where a buyer usually comes from: the lot page then loads only what the home page did not. */
const HOME_ROUTE = '/(buyer)/page';
const buildDir = path.resolve('.next');

function readJson<T>(file: string): T {
  return JSON.parse(fs.readFileSync(path.join(buildDir, file), 'utf8')) as T;
}

/**
 * The JS files a route's page, layouts and boundaries load, from its client-reference
 * manifest (a script that assigns globalThis.__RSC_MANIFEST[route]).
 */
function clientEntries(route: string): string[] {
  const file = path.join(buildDir, 'server', 'app', `${route.replace(/^\//, '')}_client-reference-manifest.js`);
  const scope: { __RSC_MANIFEST?: Record<string, { entryJSFiles?: Record<string, string[]> }> } = {};
  new Function('globalThis', fs.readFileSync(file, 'utf8'))(scope);
  const manifest = scope.__RSC_MANIFEST?.[route];
  if (!manifest?.entryJSFiles) throw new Error(`No client entries for ${route} in ${file}`);
  return Object.values(manifest.entryJSFiles).flat();
}

const gzipSize = (file: string) => gzipSync(fs.readFileSync(path.join(buildDir, file))).length;

const kB = (bytes: number) => (bytes / 1024).toFixed(1);

function main(): void {
  if (!fs.existsSync(path.join(buildDir, 'BUILD_ID'))) {
    console.error('No production build: run `npm run build` first.');
    process.exit(1);
  }
  const { rootMainFiles } = readJson<{ rootMainFiles: string[] }>('build-manifest.json');
  const framework = new Set(rootMainFiles);
  const files = [...new Set([...rootMainFiles, ...clientEntries(ROUTE)])];
  let total = 0;
  let frameworkTotal = 0;
  for (const file of files) {
    const size = gzipSize(file);
    total += size;
    if (framework.has(file)) frameworkTotal += size;
    console.log(`${kB(size).padStart(7)} kB  ${file}${framework.has(file) ? '  (framework)' : ''}`);
  }
  const app = total - frameworkTotal;
  const fromHome = new Set([...rootMainFiles, ...clientEntries(HOME_ROUTE)]);
  const afterHome = files.filter((file) => !fromHome.has(file)).reduce((sum, file) => sum + gzipSize(file), 0);
  console.log(`/lots/[id] first-load JS: ${kB(total)} kB gzip in all (issue 12's target ${kB(ISSUE_TARGET_BYTES)} kB)`);
  console.log(`  framework (every page): ${kB(frameworkTotal)} kB`);
  console.log(
    `  Gavel's own share: ${kB(app)} kB (${app <= APP_BUDGET_BYTES ? 'within' : 'OVER'} its ${kB(APP_BUDGET_BYTES)} kB budget)`,
  );
  console.log(`  opened from the home page: ${kB(afterHome)} kB more (the rest is already loaded)`);
  if (app > APP_BUDGET_BYTES) process.exit(1);
}

main();
