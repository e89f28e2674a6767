/**
 * The lot page's first-load JavaScript, gzip-compressed, from the production build's manifests:
 * the root main files every page loads plus every client entry the page's client-reference
 * manifest lists (its layouts, boundaries and the page itself). Prints the total and each
 * file; exits 1 over the budget (phones on slow networks open this page most).
 *
 * Run after `npm run build`: `npm run size:lot`.
 */
import fs from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

const BUDGET_BYTES = 120 * 1024;
const ROUTE = '/(buyer)/lots/[id]/page';
const buildDir = path.resolve('.next');

function readJson<T>(file: string): T {
  return JSON.parse(fs.readFileSync(path.join(buildDir, file), 'utf8')) as T;
}

/** The client-reference manifest is a script that assigns globalThis.__RSC_MANIFEST[route]. */
function clientEntries(): string[] {
  const file = path.join(buildDir, 'server', 'app', '(buyer)', 'lots', '[id]', 'page_client-reference-manifest.js');
  const scope: { __RSC_MANIFEST?: Record<string, { entryJSFiles?: Record<string, string[]> }> } = {};
  new Function('globalThis', fs.readFileSync(file, 'utf8'))(scope);
  const manifest = scope.__RSC_MANIFEST?.[ROUTE];
  if (!manifest?.entryJSFiles) throw new Error(`No client entries for ${ROUTE} in ${file}`);
  return Object.values(manifest.entryJSFiles).flat();
}

function main(): void {
  if (!fs.existsSync(path.join(buildDir, 'BUILD_ID'))) {
    console.error('No production build: run `npm run build` first.');
    process.exit(1);
  }
  const { rootMainFiles } = readJson<{ rootMainFiles: string[] }>('build-manifest.json');
  const files = [...new Set([...rootMainFiles, ...clientEntries()])];
  let total = 0;
  for (const file of files) {
    const size = gzipSync(fs.readFileSync(path.join(buildDir, file))).length;
    total += size;
    console.log(`${(size / 1024).toFixed(1).padStart(7)} kB  ${file}`);
  }
  const verdict = total <= BUDGET_BYTES ? 'within' : 'OVER';
  console.log(
    `/lots/[id] first-load JS: ${(total / 1024).toFixed(1)} kB gzip (${verdict} the ${BUDGET_BYTES / 1024} kB budget)`,
  );
  if (total > BUDGET_BYTES) process.exit(1);
}

main();
