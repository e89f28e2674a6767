'use server';

import { and, eq } from 'drizzle-orm';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { payments } from '@/db/schema';
import { buyerAction } from '@/lib/actions/safe-action';
import { AppError } from '@/lib/errors';
import { answerSandboxCharge } from '@/lib/payments/sandbox';
import { receiveWebhook } from '@/lib/payments/webhook';
import { engineRules, paymentProvider, sandboxSecret } from '@/lib/server/engine';

const input = z.object({ reference: z.string().min(1).max(100), outcome: z.enum(['succeeded', 'failed']) });

/** The sandbox checkout's buttons: the buyer's own charge only, sent as a signed webhook would be. */
const completeSandboxCharge = buyerAction(input, async ({ reference, outcome }, { user, db, now }) => {
  const [payment] = await db
    .select({ id: payments.id })
    .from(payments)
    .where(and(eq(payments.provider, 'sandbox'), eq(payments.providerRef, reference), eq(payments.userId, user.id)));
  if (!payment) throw new AppError('NOT_FOUND', 'No such payment');
  const { rawBody, signature } = await answerSandboxCharge({ db, secret: sandboxSecret(), reference, succeeded: outcome === 'succeeded', now });
  return receiveWebhook({ db, provider: paymentProvider('sandbox'), rawBody, signature, now, rules: engineRules() });
});

export async function submitSandboxCharge(formData: FormData) {
  const result = await completeSandboxCharge(formData);
  const reference = encodeURIComponent(String(formData.get('reference') ?? ''));
  redirect(`/sandbox/pay/${reference}?result=${result.ok ? result.data : 'error'}`);
}
