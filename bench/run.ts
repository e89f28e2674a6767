/**
 * `npm run bench`: settlement of a big closing in one tick against a hand-written SQL
 * baseline doing the same writes (checked to leave the same end state first), the tick's
 * round trips, an idle tick, the outbox's refund throughput and hot-lot bidding; printed,
 * and written to bench/results.json (bench/RESULTS.md explains each figure). Runs on the
 * Postgres server of DATABASE_URL, or on the local default, in databases of its own.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describeClosing, type ClosingSize } from './closing';
import { hotLot } from './hot-lot';
import { outboxThroughput } from './outbox';
import { checkServer, machine, ms, serverUrl } from './server';
import {
  checkSameEndState,
  closingTemplate,
  idleTickQueries,
  reportSettlement,
  timeSettlement,
  type ClosingTemplate,
  type SettlementTiming,
} from './settlement';

const REPEATS = 5;
/** 10,000 lots / 1,000,000 bids run only when the 1,000-lot tick is under this. */
const LARGE_WHEN_UNDER_MS = 1_000;

async function withTemplate<T>(
  server: string,
  size: ClosingSize,
  analyzed: boolean,
  work: (template: ClosingTemplate) => Promise<T>,
): Promise<T> {
  const template = await closingTemplate(server, size, analyzed);
  try {
    return await work(template);
  } finally {
    await template.database.drop();
  }
}

/** Checked against the baseline, then timed. */
async function settlement(server: string, size: ClosingSize, analyzed: boolean, repeats = REPEATS) {
  return withTemplate(server, size, analyzed, async (template) => {
    await checkSameEndState(template);
    const timing = await timeSettlement(template, repeats);
    reportSettlement(analyzed ? 'after ANALYZE' : 'without statistics', size, timing);
    return timing;
  });
}

async function main() {
  const server = serverUrl();
  const postgres = await checkServer(server);
  console.log(
    `Postgres ${postgres} at ${new URL(server).host}, ${machine(postgres).cpus} CPUs, Node ${process.version}`,
  );

  console.log('\nsettlement (tick vs hand-written set-based SQL, same end state checked first; medians)');
  const small = await settlement(server, { lots: 100 }, true);
  const {
    timing: big,
    idle,
    outbox,
    drainOnly,
  } = await withTemplate(server, { lots: 1_000 }, true, async (template) => {
    await checkSameEndState(template);
    const timing = await timeSettlement(template, REPEATS);
    reportSettlement('after ANALYZE', template.size, timing);
    return {
      timing,
      idle: await idleTickQueries(template),
      outbox: await outboxThroughput(template, 'sandbox'),
      drainOnly: await outboxThroughput(template, 'stub'),
    };
  });
  const cold = await settlement(server, { lots: 1_000 }, false);
  let large: SettlementTiming | null = null;
  if (big.tickMs < LARGE_WHEN_UNDER_MS) large = await settlement(server, { lots: 10_000 }, true, 3);
  else console.log(`  ${describeClosing({ lots: 10_000 })}: skipped, the 1,000-lot tick takes ${ms(big.tickMs)}`);
  console.log(`\nidle tick (nothing due): ${idle} statements`);
  console.log(
    `\noutbox: ${outbox.refunds} sandbox refunds sent in ${ms(outbox.ms)} (${outbox.perSecond.toFixed(0)}/s, ${outbox.statements} statements)`,
  );
  console.log(
    `  the drain alone (a provider that answers at once): ${ms(drainOnly.ms)} (${drainOnly.perSecond.toFixed(0)}/s, ${drainOnly.statements} statements)`,
  );

  console.log('\nhot lot');
  const bidding = await hotLot(server);
  console.log(
    `  placeBid: ${bidding.attempts} attempts (${bidding.accepted} accepted) at ${bidding.attemptsPerSecond.toFixed(0)}/s, p50 ${ms(bidding.p50Ms)}, p99 ${ms(bidding.p99Ms)}`,
  );
  console.log(
    `  baseline (lock + update the row, same concurrency): ${bidding.baselinePerSecond.toFixed(0)}/s, p99 ${ms(bidding.baselineP99Ms)} → ${bidding.ratio.toFixed(2)}× its throughput`,
  );

  const round = (value: number) => Math.round(value * 100) / 100;
  const results = {
    date: new Date().toISOString(),
    machine: machine(postgres),
    settlement: {
      lots: 1_000,
      ratio: round(big.ratio),
      tickMs: round(big.tickMs),
      baselineMs: round(big.baselineMs),
      roundTrips100: small.roundTrips,
      roundTrips1000: big.roundTrips,
      transactions1000: big.transactions,
      ratio100: round(small.ratio),
      ratioWithoutAnalyze: round(cold.ratio),
      tickMsWithoutAnalyze: round(cold.tickMs),
      baselineMsWithoutAnalyze: round(cold.baselineMs),
      ...(large
        ? {
            ratio10000: round(large.ratio),
            tickMs10000: round(large.tickMs),
            baselineMs10000: round(large.baselineMs),
            roundTrips10000: large.roundTrips,
          }
        : {}),
    },
    idleTick: { queries: idle },
    outbox: {
      refunds: outbox.refunds,
      ms: round(outbox.ms),
      perSecond: round(outbox.perSecond),
      statements: outbox.statements,
      drainOnlyPerSecond: round(drainOnly.perSecond),
      drainOnlyStatements: drainOnly.statements,
    },
    hotLot: {
      ratio: round(bidding.ratio),
      p99Ms: round(bidding.p99Ms),
      baselineP99Ms: round(bidding.baselineP99Ms),
      p50Ms: round(bidding.p50Ms),
      attemptsPerSecond: round(bidding.attemptsPerSecond),
      baselinePerSecond: round(bidding.baselinePerSecond),
    },
  };
  const file = path.join(process.cwd(), 'bench', 'results.json');
  fs.writeFileSync(file, `${JSON.stringify(results, null, 2)}\n`);
  console.log(`\nwritten to ${path.relative(process.cwd(), file)}`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
