import type { Reporter, TestCase, TestResult } from '@playwright/test/reporter';
import { fuzzRuns } from './support';

/** Sums the figures the specs annotate and prints them before the list reporter's verdict. */
export default class FiguresReporter implements Reporter {
  private readonly totals = new Map<string, number>();

  printsToStdio() {
    return false;
  }

  onTestEnd(test: TestCase, result: TestResult) {
    for (const annotation of [...test.annotations, ...result.annotations]) {
      if (annotation.type !== 'figures' || !annotation.description) continue;
      for (const [kind, count] of Object.entries(JSON.parse(annotation.description) as Record<string, number>)) {
        this.totals.set(kind, (this.totals.get(kind) ?? 0) + count);
      }
    }
  }

  onBegin() {
    console.log(`Fuzz seed ${process.env.FUZZ_SEED} (replay a run with FUZZ_SEED=${process.env.FUZZ_SEED}), FUZZ_RUNS=${fuzzRuns()}`);
  }

  onEnd() {
    console.log(`\nFuzz seed ${process.env.FUZZ_SEED}`);
    if (this.totals.size === 0) return;
    const total = [...this.totals.values()].reduce((sum, count) => sum + count, 0);
    const width = Math.max(...[...this.totals.keys()].map((kind) => kind.length));
    console.log(`\nSecurity suite: ${total} hostile inputs and probes this run`);
    for (const [kind, count] of [...this.totals].sort(([a], [b]) => a.localeCompare(b))) console.log(`  ${kind.padEnd(width)}  ${count}`);
  }
}
