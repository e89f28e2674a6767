import { now } from '@/lib/clock';
import { receiveWebhook } from '@/lib/payments/webhook';
import { SANDBOX_SIGNATURE_HEADER } from '@/lib/payments/sandbox';
import { appDatabase } from '@/db';
import { engineRules, paymentProvider } from '@/lib/server/engine';
import { jsonError } from '@/lib/server/json-error';
import { readBodyCapped } from '@/lib/server/read-body';

export const dynamic = 'force-dynamic';

/** A genuine notification is about 100 bytes; anything near this is not one. */
const MAX_WEBHOOK_BYTES = 16 * 1024;

/** The sandbox provider's signed notification that a charge succeeded or failed. */
export async function POST(request: Request): Promise<Response> {
  try {
    // Capped before the signature is checked: verifying needs the whole body in memory.
    const rawBody = await readBodyCapped(request, MAX_WEBHOOK_BYTES);
    const outcome = await receiveWebhook({
      db: appDatabase().db,
      provider: paymentProvider('sandbox'),
      rawBody,
      signature: request.headers.get(SANDBOX_SIGNATURE_HEADER),
      now: now(),
      rules: engineRules(),
    });
    return Response.json({ outcome });
  } catch (error) {
    return jsonError(error);
  }
}
