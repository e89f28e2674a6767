import type { Reporter, TestCase, TestResult } from '@playwright/test/reporter';
import { fuzzRuns } from './support';

/** Sums the figures the specs annotate and prints them before the list reporter's verdict. */
export default class FiguresReporter implements Reporter {
  private readonly totals = new Map<string, number>();

  printsToStdio() {
    return false;
  }

  onTestEnd(_test: TestCase, result: TestResult) {
    // Runtime annotations land on the result (and are mirrored on the test): read them once.
    for (const annotation of result.annotations) {
      if (annotation.type !== 'figures' || !annotation.description) continue;
      for (const [kind, count] of Object.entries(JSON.parse(annotation.description) as Record<string, number>)) {
        this.totals.set(kind, (this.totals.get(kind) ?? 0) + count);
      }
    }
  }

  onBegin() {
    console.log(
      `Fuzz seed ${process.env.FUZZ_SEED} (replay a run with FUZZ_SEED=${process.env.FUZZ_SEED}), FUZZ_RUNS=${fuzzRuns()}`,
    );
  }

  onEnd() {
    console.log(`\nFuzz seed ${process.env.FUZZ_SEED}`);
    if (this.totals.size === 0) return;
    const all = [...this.totals].sort(([a], [b]) => a.localeCompare(b));
    // "inputs: …" break the fuzz requests down by what their values hold; one input often
    // holds several kinds, so only requests and probes add up to the total.
    const breakdown = all.filter(([kind]) => kind.startsWith('inputs: '));
    const counted = all.filter(([kind]) => !kind.startsWith('inputs: '));
    const total = counted.reduce((sum, [, count]) => sum + count, 0);
    const width = Math.max(...all.map(([kind]) => kind.length));
    console.log(`Security suite: ${total} hostile requests and probes this run`);
    for (const [kind, count] of counted) console.log(`  ${kind.padEnd(width)}  ${count}`);
    console.log('Fuzz inputs holding each kind of hostile value (an input may hold several):');
    for (const [kind, count] of breakdown) console.log(`  ${kind.padEnd(width)}  ${count}`);
  }
}
