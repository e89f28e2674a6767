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
import { boundedText } from '@/lib/validation/text';

const input = z.object({ reference: boundedText({ max: 100 }).min(1), outcome: z.enum(['succeeded', 'failed']) });

/**
 * The sandbox checkout's buttons: the buyer's own charge only, sent as a signed webhook
 * would be. Everything it reads comes from the parsed input, so a caller posting anything
 * but the form is refused before a charge is touched.
 */
const completeSandboxCharge = buyerAction(input, async ({ reference, outcome }, { user, db, now }) => {
  const [payment] = await db
    .select({ id: payments.id })
    .from(payments)
    .where(and(eq(payments.provider, 'sandbox'), eq(payments.providerRef, reference), eq(payments.userId, user.id)));
  if (!payment) throw new AppError('NOT_FOUND', 'No such payment');
  const { rawBody, signature } = await answerSandboxCharge({ db, secret: sandboxSecret(), reference, succeeded: outcome === 'succeeded', now });
  const result = await receiveWebhook({ db, provider: paymentProvider('sandbox'), rawBody, signature, now, rules: engineRules() });
  redirect(`/sandbox/pay/${encodeURIComponent(reference)}?result=${result}`);
});

/** The checkout form's action; on success the handler redirects to the outcome. */
export async function submitSandboxCharge(formData: FormData): Promise<void> {
  await completeSandboxCharge(formData);
}
