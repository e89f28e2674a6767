import 'server-only';
import { appDatabase, type Database } from '@/db';
import { env } from '@/lib/env';
import { inAppNotifier } from '@/lib/outbox/in-app-notifier';
import { DEFAULT_RULES, type LifecycleRules } from '@/lib/engine/rules';
import { runTick, type TickSummary } from '@/lib/engine/tick';
import { purgeExpiredCounters } from '@/lib/rate-limit/purge-expired-counters';
import { sweepOrphanUploads } from '@/lib/storage/sweep-orphan-uploads';
import type { PaymentProvider } from '@/lib/payments/provider';
import { sandboxProvider } from '@/lib/payments/sandbox';
import { AppError } from '@/lib/errors';

/** The engine as this deployment runs it: rules from the environment, providers by name. */
export function engineRules(): LifecycleRules {
  const config = env();
  return {
    ...DEFAULT_RULES,
    paymentWindowMs: config.ORDER_PAYMENT_HOURS * 3_600_000,
    paymentGraceMs: config.PAYMENT_CONFIRMATION_GRACE_MINUTES * 60_000,
    timeZone: config.APP_TIME_ZONE,
    strikeLimit: config.STRIKE_LIMIT,
  };
}

/** The sandbox's webhook secret, derived from AUTH_SECRET so it needs no setup of its own. */
export const sandboxSecret = () => `sandbox:${env().AUTH_SECRET}`;

export function paymentProvider(name: string = env().PAYMENT_PROVIDER): PaymentProvider {
  // Real providers register here; until then the sandbox answers for every payment.
  if (name !== 'sandbox') throw new AppError('UNAVAILABLE', `Payment provider ${name} is not configured`);
  return sandboxProvider({ db: appDatabase().db, secret: sandboxSecret() });
}

/** Abandoned uploads need no haste: this process sweeps them at most once an hour (by `now`). */
const UPLOAD_SWEEP_EVERY_MS = 3_600_000;
let lastUploadSweep: number | null = null;

async function sweepUploadsHourly(db: Database, now: Date) {
  const at = now.getTime();
  // A clock moved backwards (tests) counts as due rather than silencing the sweep for its offset.
  if (lastUploadSweep !== null && at >= lastUploadSweep && at - lastUploadSweep < UPLOAD_SWEEP_EVERY_MS) return;
  lastUploadSweep = at;
  await sweepOrphanUploads({ db, now });
}

/** What the cron route and the in-process ticker run: the lifecycle tick, then housekeeping. */
export async function tickApp(now: Date, budgetMs: number): Promise<TickSummary> {
  const { db } = appDatabase();
  const summary = await runTick({
    db,
    now,
    budgetMs,
    rules: engineRules(),
    outbox: { providers: paymentProvider, notify: inAppNotifier(db), concurrency: env().OUTBOX_CONCURRENCY },
  });
  await purgeExpiredCounters({ db, now });
  await sweepUploadsHourly(db, now);
  return summary;
}
