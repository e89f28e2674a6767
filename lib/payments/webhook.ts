import type { Database } from '@/db/client';
import { AppError } from '@/lib/errors';
import type { LifecycleRules } from '@/lib/engine/rules';
import type { PaymentProvider } from './provider';
import { settleCharge, type ChargeOutcome } from './settle-charge';

/** A provider's notification, verified before anything is read from it, then applied once. */
export async function receiveWebhook({
  db,
  provider,
  rawBody,
  signature,
  now,
  rules,
}: {
  db: Database;
  provider: PaymentProvider;
  rawBody: string;
  signature: string | null;
  now: Date;
  rules: LifecycleRules;
}): Promise<ChargeOutcome> {
  const event = provider.verifyWebhook(rawBody, signature);
  if (!event) throw new AppError('VALIDATION', 'The notification is not signed by the provider');
  return settleCharge({ db, provider: provider.name, event, now, rules });
}
