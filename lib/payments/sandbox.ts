import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Database } from '@/db/client';
import { sandboxTransactions } from '@/db/schema';
import { boundedText } from '@/lib/validation/text';
import type { PaymentProvider, WebhookEvent } from './provider';

export const SANDBOX_PROVIDER = 'sandbox';
export const SANDBOX_SIGNATURE_HEADER = 'x-sandbox-signature';

const webhookBody = z.object({ type: z.enum(['charge.succeeded', 'charge.failed']), reference: boundedText({ max: 100 }).min(1) });

export function signSandboxWebhook(secret: string, rawBody: string): string {
  return createHmac('sha256', secret).update(rawBody).digest('hex');
}

/**
 * The built-in provider: charges are paid on Gavel's own sandbox page, which posts a signed
 * webhook like a real provider would; refunds are booked in its own ledger table, keyed by
 * our idempotency key, so every flow works offline and a retried refund is booked once.
 */
export function sandboxProvider({ db, secret }: { db: Database; secret: string }): PaymentProvider {
  return {
    name: SANDBOX_PROVIDER,
    async createCharge({ idempotencyKey, amount }) {
      const reference = `sbx_ch_${randomBytes(10).toString('hex')}`;
      await db
        .insert(sandboxTransactions)
        .values({ kind: 'charge', reference, idempotencyKey, amount })
        .onConflictDoNothing({ target: [sandboxTransactions.kind, sandboxTransactions.idempotencyKey] });
      const [charge] = await db
        .select({ reference: sandboxTransactions.reference })
        .from(sandboxTransactions)
        .where(and(eq(sandboxTransactions.kind, 'charge'), eq(sandboxTransactions.idempotencyKey, idempotencyKey)));
      if (!charge) throw new Error('sandbox charge was not recorded');
      return { reference: charge.reference, payUrl: `/sandbox/pay/${charge.reference}` };
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
    async refund({ idempotencyKey, chargeReference, amount }) {
      const [charge] = await db
        .select({ amount: sandboxTransactions.amount })
        .from(sandboxTransactions)
        .where(and(eq(sandboxTransactions.kind, 'charge'), eq(sandboxTransactions.reference, chargeReference)));
      if (!charge) throw new Error(`sandbox: no charge ${chargeReference}`);
      const [refunded] = await db
        .select({ total: sql<string>`coalesce(sum(${sandboxTransactions.amount}), 0)` })
        .from(sandboxTransactions)
        .where(and(eq(sandboxTransactions.kind, 'refund'), eq(sandboxTransactions.chargeReference, chargeReference)));
      const [existing] = await db
        .select({ reference: sandboxTransactions.reference })
        .from(sandboxTransactions)
        .where(and(eq(sandboxTransactions.kind, 'refund'), eq(sandboxTransactions.idempotencyKey, idempotencyKey)));
      if (existing) return existing;
      if (Number(refunded?.total ?? 0) + amount > charge.amount) throw new Error('sandbox: refund exceeds the charge');
      const reference = `sbx_re_${randomBytes(10).toString('hex')}`;
      await db
        .insert(sandboxTransactions)
        .values({ kind: 'refund', reference, idempotencyKey, chargeReference, amount, settledAt: new Date() })
        .onConflictDoNothing({ target: [sandboxTransactions.kind, sandboxTransactions.idempotencyKey] });
      const [row] = await db
        .select({ reference: sandboxTransactions.reference })
        .from(sandboxTransactions)
        .where(and(eq(sandboxTransactions.kind, 'refund'), eq(sandboxTransactions.idempotencyKey, idempotencyKey)));
      if (!row) throw new Error('sandbox refund was not recorded');
      return row;
    },
  };
}
