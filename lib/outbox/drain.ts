import { and, eq, sql } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { outbox, payments, refunds, type NotificationPayload } from '@/db/schema';
import type { ProviderRegistry } from '@/lib/payments/provider';
import { instant } from '@/lib/sql/values';

/** How long a claimed row belongs to its worker before another may retry it. */
const LEASE_MS = 60_000;
/** After this many failed sends a refund needs an operator; it stops being retried. */
export const MAX_OUTBOX_ATTEMPTS = 12;
/** Rows leased per claim; a drain claims again until nothing is left or time is up. */
const OUTBOX_BATCH = 100;

import type { Notifier } from './in-app-notifier';

export type { Notifier };

export type OutboxResult = { sent: number; failed: number };

/** Sends in flight at once when the caller does not say (OUTBOX_CONCURRENCY). */
export const DEFAULT_OUTBOX_CONCURRENCY = 8;

type Claimed = {
  id: string | number;
  kind: 'refund' | 'notification';
  refund_id: number | null;
  payload: NotificationPayload | null;
  attempts: number;
};

/**
 * Sends what committed transactions queued, outside any transaction, batch after batch
 * until nothing is left or `outOfTime` says the caller's budget is spent (one batch is
 * always sent). Rows are leased with a short autocommitted update, the provider is called
 * with the refund's own idempotency key, and the row is marked done afterwards: a crash
 * anywhere in between, or an overlapping run whose lease ran out, means a resend with the
 * same key, which the provider books once. Up to `concurrency` sends are in flight.
 */
export async function processOutbox({
  db,
  now,
  providers,
  notify,
  concurrency = DEFAULT_OUTBOX_CONCURRENCY,
  outOfTime = () => true,
}: {
  db: Database;
  now: Date;
  providers: ProviderRegistry;
  notify: Notifier;
  concurrency?: number;
  outOfTime?: () => boolean;
}): Promise<OutboxResult> {
  const result: OutboxResult = { sent: 0, failed: 0 };
  // A long drain leases each batch from the time it has reached, so a lease never starts
  // out already expired and another run never takes rows still being sent.
  const started = performance.now();
  for (;;) {
    const claimed = await claimBatch(db, new Date(now.getTime() + (performance.now() - started)));
    await inParallel(claimed, concurrency, async (row) => {
      if (await sendOne(db, row, now, providers, notify)) result.sent += 1;
      else result.failed += 1;
    });
    if (claimed.length < OUTBOX_BATCH || outOfTime()) return result;
  }
}

async function claimBatch(db: Database, now: Date): Promise<Claimed[]> {
  const leaseUntil = new Date(now.getTime() + LEASE_MS);
  const claimed = await db.execute<Claimed>(sql`
    update outbox set locked_until = ${instant(leaseUntil)}, attempts = attempts + 1, updated_at = ${instant(now)}
    where id in (
      select id from outbox
      where status = 'pending' and (locked_until is null or locked_until <= ${instant(now)})
      order by id limit ${OUTBOX_BATCH} for update skip locked)
    returning id, kind, refund_id, payload, attempts`);
  return claimed.rows;
}

/** Runs `work` over `items` with at most `limit` calls pending at any moment. */
async function inParallel<T>(items: readonly T[], limit: number, work: (item: T) => Promise<void>) {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await work(items[next++]!);
  };
  await Promise.all(Array.from({ length: Math.min(Math.max(1, limit), items.length) }, worker));
}

/** One leased row: sent and marked done, or its failure recorded with a backed-off retry. */
async function sendOne(
  db: Database,
  row: Claimed,
  now: Date,
  providers: ProviderRegistry,
  notify: Notifier,
): Promise<boolean> {
  const id = Number(row.id);
  try {
    if (row.kind === 'refund' && row.refund_id !== null) await sendRefund(db, row.refund_id, providers, now);
    else if (row.kind === 'notification' && row.payload) await notify(row.payload, id);
    await db.update(outbox).set({ status: 'done', processedAt: now, lastError: null }).where(eq(outbox.id, id));
    return true;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const givingUp = Number(row.attempts) >= MAX_OUTBOX_ATTEMPTS;
    // Back off exponentially (1 min, 2 min, … capped at an hour) between retries.
    const retryAt = new Date(now.getTime() + Math.min(2 ** Number(row.attempts) * 30_000, 3_600_000));
    await db
      .update(outbox)
      .set({ status: givingUp ? 'failed' : 'pending', lockedUntil: retryAt, lastError: message.slice(0, 500) })
      .where(eq(outbox.id, id));
    if (row.refund_id !== null) {
      await db
        .update(refunds)
        .set({
          attempts: sql`${refunds.attempts} + 1`,
          lastError: message.slice(0, 500),
          ...(givingUp ? { status: 'failed' as const } : {}),
        })
        .where(and(eq(refunds.id, row.refund_id), eq(refunds.status, 'pending')));
    }
    return false;
  }
}

async function sendRefund(db: Database, refundId: number, providers: ProviderRegistry, now: Date) {
  const [row] = await db
    .select({ refund: refunds, provider: payments.provider, chargeReference: payments.providerRef })
    .from(refunds)
    .innerJoin(payments, eq(payments.id, refunds.paymentId))
    .where(eq(refunds.id, refundId));
  if (!row) throw new Error(`refund ${refundId} not found`);
  if (row.refund.status === 'succeeded') return;
  if (!row.chargeReference) throw new Error(`payment ${row.refund.paymentId} has no provider reference`);
  const sent = await providers(row.provider).refund({
    idempotencyKey: row.refund.idempotencyKey,
    chargeReference: row.chargeReference,
    amount: row.refund.amount,
  });
  await db
    .update(refunds)
    .set({
      status: 'succeeded',
      providerRef: sent.reference,
      succeededAt: now,
      attempts: sql`${refunds.attempts} + 1`,
      lastError: null,
    })
    .where(and(eq(refunds.id, refundId), eq(refunds.status, 'pending')));
}
