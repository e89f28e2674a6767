import { expect, test } from '@playwright/test';
import fc from 'fast-check';
import { hostileArgument, hostileQuery, hostileSegment, inputKinds } from './hostile-input';
import {
  asFields,
  callAction,
  concretePath,
  discoverSurface,
  dynamicSegments,
  fillPath,
  segmentExamples,
  figures,
  fuzzRuns,
  fuzzSeed,
  rowCounts,
  send,
  unacceptable,
  type ActionEncoding,
  type Answer,
  type Role,
  type Surface,
} from './support';

/** FUZZ_SEED replays a run; FUZZ_RUNS scales it (inputs per target, role and encoding). */
const SEED = fuzzSeed();
const RUNS = fuzzRuns();
const FUZZ_ROLES: Role[] = ['anonymous', 'buyer', 'admin'];
const ACTION_ENCODINGS: ActionEncoding[] = ['json', 'multipart', 'no-js-form'];
const ROUTE_ENCODINGS = ['json', 'urlencoded', 'multipart', 'text'] as const;
// Next renders its global error page with status 500 by design; the matrix pins that.
const FRAMEWORK_ERROR_PAGES = new Set(['/_global-error']);

type Failure = { target: string; role: Role; how: string; reason: string; example: string };

class Run {
  private seedOffset = 0;
  readonly failures = new Map<string, Failure>();
  readonly counts: Record<string, number> = {};

  sample<T>(arbitrary: fc.Arbitrary<T>, runs = RUNS): T[] {
    return fc.sample(arbitrary, { seed: SEED + this.seedOffset++, numRuns: runs });
  }

  count(kind: string, by = 1) {
    this.counts[kind] = (this.counts[kind] ?? 0) + by;
  }

  check(answer: Answer, target: string, role: Role, how: string, input: unknown) {
    this.count(`requests: ${how.split(' ')[0]}`);
    for (const kind of inputKinds(input)) this.count(`inputs: ${kind}`);
    const reason = unacceptable(answer);
    const key = `${target} ${role} ${how} ${reason}`;
    if (reason && !this.failures.has(key))
      this.failures.set(key, { target, role, how, reason, example: describe(input) });
  }

  async unchangedRows(target: string, role: Role, how: string, body: () => Promise<void>) {
    const before = await rowCounts();
    await body();
    const after = await rowCounts();
    const changed = Object.keys({ ...before, ...after }).filter((table) => before[table] !== after[table]);
    if (changed.length > 0) {
      this.failures.set(`${target} ${role} ${how} rows`, {
        target,
        role,
        how,
        reason: 'refused requests changed row counts',
        example: changed.map((table) => `${table} ${before[table]} → ${after[table]}`).join(', '),
      });
    }
  }

  report(testInfo: { annotations: { type: string; description?: string }[] }) {
    figures(testInfo, this.counts);
    const lines = [...this.failures.values()].map(
      (f) => `${f.target} as ${f.role}, ${f.how}: ${f.reason}\n    e.g. ${f.example}`,
    );
    expect(lines, `FUZZ_SEED=${SEED} reproduces these:\n${lines.join('\n')}`).toEqual([]);
  }
}

/** A failing input, short enough to read: long strings keep their head and length. */
function describe(input: unknown): string {
  const text = JSON.stringify(input, (_, value: unknown) =>
    typeof value === 'string' && value.length > 80 ? `${value.slice(0, 40)}…(${value.length} chars)` : value,
  );
  return text === undefined ? String(input) : text.slice(0, 600);
}

/** Each dynamic segment: one of its real examples, or hostile text. */
function pathArbitrary(pattern: string): fc.Arbitrary<string> {
  const segments = dynamicSegments(pattern).map((name) =>
    fc.oneof(fc.constantFrom(...segmentExamples(name, pattern)), hostileSegment.map(encodeURIComponent)),
  );
  return fc.tuple(...segments).map((values) => fillPath(pattern, values));
}

function routeBody(
  encoding: (typeof ROUTE_ENCODINGS)[number],
  arg: unknown,
): { body: BodyInit; headers: Record<string, string> } {
  switch (encoding) {
    case 'json':
      return { body: JSON.stringify(arg) ?? 'null', headers: { 'content-type': 'application/json' } };
    case 'urlencoded':
      return {
        body: new URLSearchParams(asFields(arg)).toString(),
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
      };
    case 'multipart': {
      const form = new FormData();
      for (const [field, value] of Object.entries(asFields(arg))) form.append(field, value);
      return { body: form, headers: {} };
    }
    case 'text':
      return {
        body: typeof arg === 'string' ? arg : (JSON.stringify(arg) ?? ''),
        headers: { 'content-type': 'text/plain;charset=UTF-8' },
      };
  }
}

const surface = discoverSurface();
const actions = surface.filter((item): item is Extract<Surface, { kind: 'action' }> => item.kind === 'action');
type Addressed = Extract<Surface, { kind: 'page' | 'route' }>;
const routes = surface.filter((item): item is Addressed => item.kind === 'route');
const pages = surface.filter((item): item is Addressed => item.kind === 'page' && !FRAMEWORK_ERROR_PAGES.has(item.key));

/**
 * Each test's run time grows with the surface it covers (about 4 s an action on these two
 * cores), so its timeout does too: a timeout here is there to catch a hang, not to time.
 */
const timeoutFor = (items: number, perItemMs: number) => Math.max(180_000, items * perItemMs);

test(`[FUZZ] every server action answers hostile input with a refusal, never a 5xx, and writes nothing (${actions.length} actions)`, async () => {
  test.setTimeout(timeoutFor(actions.length, 10_000));
  test.info().annotations.push({ type: 'seed', description: String(SEED) });
  const run = new Run();
  for (const action of actions) {
    const page = concretePath(action.hostPages[0]!);
    for (const role of FUZZ_ROLES) {
      for (const encoding of ACTION_ENCODINGS) {
        await run.unchangedRows(action.key, role, encoding, async () => {
          for (const arg of run.sample(hostileArgument)) {
            run.check(
              await callAction({ id: action.id, page }, arg, { encoding, role }),
              action.key,
              role,
              `action ${encoding}`,
              arg,
            );
          }
        });
      }
    }
  }
  run.report(test.info());
});

test(`[FUZZ] every route handler answers hostile requests with a refusal, never a 5xx, and writes nothing (${routes.length} routes)`, async () => {
  test.setTimeout(timeoutFor(routes.length, 10_000));
  const run = new Run();
  for (const route of routes) {
    for (const role of FUZZ_ROLES) {
      await run.unchangedRows(route.key, role, 'GET', async () => {
        for (const [path, query] of run.sample(fc.tuple(pathArbitrary(route.pattern), hostileQuery))) {
          run.check(await send(`${path}?${new URLSearchParams(query)}`, { role }), route.key, role, 'route GET', {
            path,
            query,
          });
        }
      });
      for (const encoding of ROUTE_ENCODINGS) {
        await run.unchangedRows(route.key, role, `POST ${encoding}`, async () => {
          for (const [path, arg] of run.sample(fc.tuple(pathArbitrary(route.pattern), hostileArgument))) {
            const { body, headers } = routeBody(encoding, arg);
            run.check(
              await send(path, { method: 'POST', role, body, headers }),
              route.key,
              role,
              `route POST ${encoding}`,
              arg,
            );
          }
        });
      }
    }
  }
  run.report(test.info());
});

test(`[FUZZ] every page answers hostile paths and query strings without a 5xx (${pages.length} pages)`, async () => {
  test.setTimeout(timeoutFor(pages.length, 10_000));
  const run = new Run();
  for (const page of pages) {
    for (const role of FUZZ_ROLES) {
      await run.unchangedRows(page.key, role, 'GET', async () => {
        for (const [path, query] of run.sample(fc.tuple(pathArbitrary(page.pattern), hostileQuery))) {
          run.check(await send(`${path}?${new URLSearchParams(query)}`, { role }), page.key, role, 'page GET', {
            path,
            query,
          });
        }
      });
    }
  }
  run.report(test.info());
});
