import { now } from '@/lib/clock';
import { receiveWebhook } from '@/lib/payments/webhook';
import { SANDBOX_SIGNATURE_HEADER } from '@/lib/payments/sandbox';
import { appDatabase } from '@/db';
import { engineRules, paymentProvider } from '@/lib/server/engine';
import { jsonError } from '@/lib/server/json-error';

export const dynamic = 'force-dynamic';

/** The sandbox provider's signed notification that a charge succeeded or failed. */
export async function POST(request: Request): Promise<Response> {
  try {
    const outcome = await receiveWebhook({
      db: appDatabase().db,
      provider: paymentProvider('sandbox'),
      rawBody: await request.text(),
      signature: request.headers.get(SANDBOX_SIGNATURE_HEADER),
      now: now(),
      rules: engineRules(),
    });
    return Response.json({ outcome });
  } catch (error) {
    return jsonError(error);
  }
}
