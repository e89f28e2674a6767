'use server';

import { and, eq } from 'drizzle-orm';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { payments } from '@/db/schema';
import { buyerAction } from '@/lib/actions/safe-action';
import { AppError, isAppError } from '@/lib/errors';
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
  const page = `/sandbox/pay/${encodeURIComponent(reference)}`;
  // The charge expired or Gavel closed it while the page was open: the page says so.
  const answer = await answerSandboxCharge({
    db,
    secret: sandboxSecret(),
    reference,
    succeeded: outcome === 'succeeded',
    now,
  }).catch((error: unknown) => {
    if (isAppError(error) && error.code === 'PAYMENT_WINDOW_CLOSED') return null;
    throw error;
  });
  if (!answer) redirect(`${page}?result=closed`);
  const result = await receiveWebhook({
    db,
    provider: paymentProvider('sandbox'),
    rawBody: answer.rawBody,
    signature: answer.signature,
    now,
    rules: engineRules(),
  });
  redirect(`${page}?result=${result}`);
});

/** The checkout form's action; on success the handler redirects to the outcome. */
export async function submitSandboxCharge(formData: FormData): Promise<void> {
  await completeSandboxCharge(formData);
}
