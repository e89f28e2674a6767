import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { and, eq, gte, isNull, or, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Database } from '@/db/client';
import { sandboxTransactions } from '@/db/schema';
import { now as clockNow } from '@/lib/clock';
import { AppError, isCheckViolation, isUniqueViolation } from '@/lib/errors';
import { boundedText } from '@/lib/validation/text';
import type { PaymentProvider, WebhookEvent } from './provider';

export const SANDBOX_PROVIDER = 'sandbox';
export const SANDBOX_SIGNATURE_HEADER = 'x-sandbox-signature';

const chargeReference = boundedText({ max: 100 }).min(1);
const webhookBody = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('charge.succeeded'),
    reference: chargeReference,
    paidAt: z.iso.datetime().transform((value) => new Date(value)),
  }),
  z.object({ type: z.literal('charge.failed'), reference: chargeReference }),
]);

export function signSandboxWebhook(secret: string, rawBody: string): string {
  return createHmac('sha256', secret).update(rawBody).digest('hex');
}

/**
 * The built-in provider: charges are paid on Gavel's own sandbox page, which posts a signed
 * webhook like a real provider would; refunds are booked in its own ledger table, keyed by
 * our idempotency key, so every flow works offline and a retried refund is booked once.
 */
export function sandboxProvider({
  db,
  secret,
  now = clockNow,
}: {
  db: Database;
  secret: string;
  now?: () => Date;
}): PaymentProvider {
  /** The refund booked under `idempotencyKey`, as providers answer a retry; else `refusal`. */
  async function earlierRefund(idempotencyKey: string, refusal: string) {
    const [earlier] = await db
      .select({ reference: sandboxTransactions.reference })
      .from(sandboxTransactions)
      .where(and(eq(sandboxTransactions.kind, 'refund'), eq(sandboxTransactions.idempotencyKey, idempotencyKey)));
    if (!earlier) throw new Error(refusal);
    return earlier;
  }

  return {
    name: SANDBOX_PROVIDER,
    async createCharge({ idempotencyKey, amount, expiresAt }) {
      const reference = `sbx_ch_${randomBytes(10).toString('hex')}`;
      await db
        .insert(sandboxTransactions)
        .values({ kind: 'charge', reference, idempotencyKey, amount, expiresAt })
        .onConflictDoNothing({ target: [sandboxTransactions.kind, sandboxTransactions.idempotencyKey] });
      const [charge] = await db
        .select({ reference: sandboxTransactions.reference })
        .from(sandboxTransactions)
        .where(and(eq(sandboxTransactions.kind, 'charge'), eq(sandboxTransactions.idempotencyKey, idempotencyKey)));
      if (!charge) throw new Error('sandbox charge was not recorded');
      return { reference: charge.reference, payUrl: `/sandbox/pay/${charge.reference}` };
    },
    async cancelCharge(reference) {
      await db
        .update(sandboxTransactions)
        .set({ cancelledAt: now() })
        .where(
          and(
            eq(sandboxTransactions.kind, 'charge'),
            eq(sandboxTransactions.reference, reference),
            isNull(sandboxTransactions.settledAt),
            isNull(sandboxTransactions.cancelledAt),
          ),
        );
    },
    verifyWebhook(rawBody, signature): WebhookEvent | null {
      if (!signature) return null;
      const expected = Buffer.from(signSandboxWebhook(secret, rawBody), 'hex');
      const given = Buffer.from(signature, 'hex');
      if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
      try {
        const parsed = webhookBody.safeParse(JSON.parse(rawBody));
        return parsed.success ? parsed.data : null;
      } catch {
        return null;
      }
    },
    // One statement adds the refund to its charge's refunded total and books it from that row
    // (so only a charge takes refunds). The database
    // keeps that total within the charge (a CHECK, evaluated on the row's latest version, so
    // racing refunds queue on the charge row and the one that would exceed it fails whole);
    // a key is booked once (unique: a racing twin fails whole and answers with the first).
    async refund({ idempotencyKey, chargeReference, amount }) {
      const settledAt = sql`${now().toISOString()}::timestamptz`;
      try {
        const booked = await db.execute<{ reference: string }>(sql`
          with charged as (
            update sandbox_transactions c set refunded_amount = c.refunded_amount + ${amount}, updated_at = ${settledAt}
            where c.kind = 'charge' and c.reference = ${chargeReference}
              and not exists (select 1 from sandbox_transactions r where r.kind = 'refund' and r.idempotency_key = ${idempotencyKey})
            returning c.reference
          )
          insert into sandbox_transactions (kind, reference, idempotency_key, charge_reference, amount, settled_at)
          select 'refund', ${`sbx_re_${randomBytes(10).toString('hex')}`}, ${idempotencyKey}, reference, ${amount}, ${settledAt}
          from charged
          returning reference`);
        if (booked.rows[0]) return { reference: booked.rows[0].reference };
        return await earlierRefund(idempotencyKey, `sandbox: no charge ${chargeReference}`);
      } catch (error) {
        // A racing twin of a booked key fails whole too (on the key, or on the CHECK when its
        // second addition would not fit): it answers with the refund its twin booked.
        if (isCheckViolation(error, 'sandbox_transactions_refunds_within_charge')) {
          return earlierRefund(idempotencyKey, 'sandbox: refund exceeds the charge');
        }
        if (isUniqueViolation(error)) return earlierRefund(idempotencyKey, 'sandbox refund was not recorded');
        throw error;
      }
    },
  };
}

/**
 * The sandbox checkout's answer, as the provider would post it: the charge is settled (paid
 * at `now`, the sandbox's clock) or closed, and the signed notification is returned for the
 * caller to deliver. A charge past its expiry or already closed cannot be paid; a repeated
 * answer repeats the first notification, as providers resend theirs.
 */
export async function answerSandboxCharge({
  db,
  secret,
  reference,
  succeeded,
  now,
}: {
  db: Database;
  secret: string;
  reference: string;
  succeeded: boolean;
  now: Date;
}): Promise<{ rawBody: string; signature: string }> {
  const charge = and(eq(sandboxTransactions.kind, 'charge'), eq(sandboxTransactions.reference, reference));
  // One conditional update decides, so a payment racing a cancellation or the expiry lands on exactly one side.
  await db
    .update(sandboxTransactions)
    .set(succeeded ? { settledAt: now } : { cancelledAt: now })
    .where(
      and(
        charge,
        isNull(sandboxTransactions.settledAt),
        isNull(sandboxTransactions.cancelledAt),
        succeeded ? or(isNull(sandboxTransactions.expiresAt), gte(sandboxTransactions.expiresAt, now)) : undefined,
      ),
    );
  const [row] = await db.select().from(sandboxTransactions).where(charge);
  if (!row) throw new AppError('NOT_FOUND', 'No such charge');
  const body = row.settledAt
    ? { type: 'charge.succeeded' as const, reference, paidAt: row.settledAt.toISOString() }
    : row.cancelledAt && !succeeded
      ? { type: 'charge.failed' as const, reference }
      : null;
  if (!body) throw new AppError('PAYMENT_WINDOW_CLOSED', 'This charge has expired or was closed');
  const rawBody = JSON.stringify(body);
  return { rawBody, signature: signSandboxWebhook(secret, rawBody) };
}
