import { sql } from 'drizzle-orm';
import type { Database } from '@/db/client';
import type { NotificationPayload } from '@/db/schema';
import type { ProviderRegistry } from '@/lib/payments/provider';
import { insertNotifications } from '@/lib/sql/outbox-rows';
import { withRetry } from '@/lib/sql/retry';
import { instant, instantArray, intArray, textArray } from '@/lib/sql/values';
import type { Notifier } from './in-app-notifier';

export type { Notifier };

/** How long a claimed row belongs to its worker before another may retry it. */
export const LEASE_MS = 60_000;
/** After this many failed sends a refund needs an operator; it stops being retried. */
export const MAX_OUTBOX_ATTEMPTS = 12;
/** Rows leased per claim; a drain claims again until nothing is left or time is up. */
const OUTBOX_BATCH = 100;

export type OutboxResult = { sent: number; failed: number };

/** Sends in flight at once when the caller does not say (OUTBOX_CONCURRENCY). */
export const DEFAULT_OUTBOX_CONCURRENCY = 8;

/** A leased row with what sending it needs, read in the statement that leased it. */
type Claimed = {
  id: string | number;
  kind: 'refund' | 'notification';
  refund_id: number | null;
  payload: NotificationPayload | null;
  attempts: number;
  refund_status: string | null;
  idempotency_key: string | null;
  amount: string | number | null;
  provider: string | null;
  charge_reference: string | null;
  payment_id: number | null;
};

type Sent = { id: number; refundId: number | null; providerRef: string | null };
type Failed = { id: number; refundId: number | null; attempts: number; message: string };

/**
 * Sends what committed transactions queued, outside any transaction, batch after batch
 * until nothing is left or `outOfTime` says the caller's budget is spent (one batch is
 * always sent). A batch is leased, with its refunds and their charges, in one autocommitted
 * statement; the provider is called with each refund's own idempotency key, up to
 * `concurrency` calls in flight; then the whole batch's successes are marked done in one
 * statement and its failures in another. A crash anywhere before that mark, or an
 * overlapping run whose lease ran out, means resending the batch with the same keys, which
 * the provider books once.
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
    const sent: Sent[] = [];
    const failed: Failed[] = [];
    await inParallel(claimed, concurrency, async (row) => {
      const id = Number(row.id);
      const refundId = row.refund_id === null ? null : Number(row.refund_id);
      try {
        sent.push({ id, refundId, providerRef: await sendOne(row, providers, notify) });
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        failed.push({ id, refundId, attempts: Number(row.attempts), message: message.slice(0, 500) });
      }
    });
    // An overlapping run marking the same rows (its lease ran out) may deadlock with this one; both marks are idempotent.
    await withRetry(() => markSent(db, sent, now));
    await withRetry(() => recordFailures(db, failed, now));
    result.sent += sent.length;
    result.failed += failed.length;
    // A batch that refunded queued its 'refund_made' notices: one more claim sends them now.
    const queuedNotices = sent.some((row) => row.refundId !== null && row.providerRef !== null);
    if ((claimed.length < OUTBOX_BATCH && !queuedNotices) || outOfTime()) return result;
  }
}

async function claimBatch(db: Database, now: Date): Promise<Claimed[]> {
  const leaseUntil = new Date(now.getTime() + LEASE_MS);
  const claimed = await db.execute<Claimed>(sql`
    with leased as (
      update outbox set locked_until = ${instant(leaseUntil)}, attempts = attempts + 1, updated_at = ${instant(now)}
      where id in (
        select id from outbox
        where status = 'pending' and (locked_until is null or locked_until <= ${instant(now)})
        order by id limit ${OUTBOX_BATCH} for update skip locked)
      returning id, kind, refund_id, payload, attempts
    )
    select l.id, l.kind, l.refund_id, l.payload, l.attempts, r.status as refund_status, r.idempotency_key, r.amount,
           r.payment_id, p.provider, p.provider_ref as charge_reference
    from leased l
    left join refunds r on r.id = l.refund_id
    left join payments p on p.id = r.payment_id
    order by l.id`);
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

/** Delivers one leased row; answers the provider's refund reference (null when there is none to record). */
async function sendOne(row: Claimed, providers: ProviderRegistry, notify: Notifier): Promise<string | null> {
  if (row.kind === 'notification') {
    if (row.payload) await notify(row.payload, Number(row.id));
    return null;
  }
  if (row.refund_id === null) return null;
  if (row.refund_status === null) throw new Error(`refund ${row.refund_id} not found`);
  if (row.refund_status === 'succeeded') return null;
  if (!row.charge_reference) throw new Error(`payment ${row.payment_id} has no provider reference`);
  const refunded = await providers(row.provider!).refund({
    idempotencyKey: row.idempotency_key!,
    chargeReference: row.charge_reference,
    amount: Number(row.amount),
  });
  return refunded.reference;
}

/**
 * The batch's delivered rows are done and their refunds succeeded, in one statement, so a
 * crash leaves either all of them to resend or none. A refund another run already marked
 * keeps its first reference (the provider gave both the same one). The buyer's 'refund_made'
 * notification is queued by the same guarded update, so a resend never queues a second one.
 */
async function markSent(db: Database, sent: readonly Sent[], now: Date) {
  if (sent.length === 0) return;
  const refunded = sent.filter((row) => row.refundId !== null && row.providerRef !== null);
  await db.execute(sql`
    with refunded as (
      update refunds r set status = 'succeeded', provider_ref = v.provider_ref, succeeded_at = ${instant(now)},
        attempts = r.attempts + 1, last_error = null, updated_at = ${instant(now)}
      from unnest(${intArray(refunded.map((row) => row.refundId!))}, ${textArray(refunded.map((row) => row.providerRef!))})
        as v(id, provider_ref)
      where r.id = v.id and r.status = 'pending'
      returning r.id, r.payment_id, r.amount
    ), notified as (
      ${insertNotifications({
        source: sql`refunded r join payments p on p.id = r.payment_id`,
        userId: sql`p.user_id`,
        kind: 'refund_made',
        data: sql`jsonb_build_object('refundId', r.id, 'amount', r.amount, 'purpose', p.purpose,
          'depositId', p.deposit_id, 'orderId', p.order_id)`,
      })}
    )
    update outbox o set status = 'done', processed_at = ${instant(now)}, last_error = null, updated_at = ${instant(now)}
    where o.id = any(${intArray(sent.map((row) => row.id))})`);
}

/**
 * Failed rows wait, backed off exponentially (1 min, 2 min, … capped at an hour); after
 * MAX_OUTBOX_ATTEMPTS the row and its refund are failed for an operator to look at.
 */
async function recordFailures(db: Database, failed: readonly Failed[], now: Date) {
  if (failed.length === 0) return;
  const outcome = (row: Failed) => (row.attempts >= MAX_OUTBOX_ATTEMPTS ? 'failed' : 'pending');
  const retryAt = (row: Failed) => new Date(now.getTime() + Math.min(2 ** row.attempts * 30_000, 3_600_000));
  await db.execute(sql`
    with failed as (
      -- A notification's refund id 0 matches no refund.
      select * from unnest(${intArray(failed.map((row) => row.id))}, ${intArray(failed.map((row) => row.refundId ?? 0))},
                           ${textArray(failed.map(outcome))}, ${instantArray(failed.map(retryAt))},
                           ${textArray(failed.map((row) => row.message))})
        as v(id, refund_id, outcome, retry_at, message)
    ), refunds_failed as (
      update refunds r set attempts = r.attempts + 1, last_error = f.message, updated_at = ${instant(now)},
        status = case when f.outcome = 'failed' then 'failed'::refund_status else r.status end
      from failed f where r.id = f.refund_id and r.status = 'pending'
      returning r.id
    )
    update outbox o set status = f.outcome::outbox_status, locked_until = f.retry_at, last_error = f.message,
      updated_at = ${instant(now)}
    from failed f where o.id = f.id and o.status = 'pending'`);
}
