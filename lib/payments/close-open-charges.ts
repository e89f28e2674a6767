import { sql } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { instant, intArray } from '@/lib/sql/values';
import type { ProviderRegistry } from './provider';

/** A charge Gavel has given up on, still to be closed at its provider after commit. */
export type ClosedCharge = { provider: string; reference: string };

/**
 * Orders that can no longer be paid (overdue, cancelled) drop their open charge and give
 * their locked coupon back, in the caller's transaction. The charges are returned so the
 * caller closes them at the provider once this has committed (`cancelChargesAtProviders`).
 */
export async function closeOpenCharges(
  tx: Executor,
  { orderIds, now }: { orderIds: readonly number[]; now: Date },
): Promise<ClosedCharge[]> {
  const ids = intArray(orderIds);
  const closed = await cancelPendingPayments(tx, { orderIds, now });
  await tx.execute(sql`
    update user_coupons set status = 'available', order_id = null, updated_at = ${instant(now)}
    where order_id = any(${ids}) and status = 'locked'`);
  return closed;
}

/** Gives up on the pending payments of these orders, or these payments, and returns their charges, to be closed at the provider after commit. */
export async function cancelPendingPayments(
  tx: Executor,
  { orderIds, paymentIds, now }: { orderIds?: readonly number[]; paymentIds?: readonly number[]; now: Date },
): Promise<ClosedCharge[]> {
  const where = sql`(order_id = any(${intArray(orderIds ?? [])}) or id = any(${intArray(paymentIds ?? [])}))`;
  const closed = await tx.execute<{ provider: string; reference: string | null }>(sql`
    update payments set status = 'cancelled', updated_at = ${instant(now)}
    where (${where}) and status = 'pending'
    returning provider, provider_ref as reference`);
  return closed.rows.flatMap((row) => (row.reference ? [{ provider: row.provider, reference: row.reference }] : []));
}

/**
 * Closes charges at their providers after the transaction that gave them up committed.
 * This is deliberately not an outbox entry: every charge carries an expiry its provider
 * enforces (an order's dueAt), so a close that never happens (a crash, a provider outage)
 * only leaves open a charge that can no longer be paid, or one whose late success
 * `settleCharge` refunds whole. Closing sooner just spares the buyer a dead checkout.
 */
export async function cancelChargesAtProviders(
  providers: ProviderRegistry,
  charges: readonly ClosedCharge[],
): Promise<{ cancelled: number; failed: number }> {
  const results = await Promise.allSettled(
    charges.map((charge) => providers(charge.provider).cancelCharge(charge.reference)),
  );
  const failed = results.filter((result) => result.status === 'rejected').length;
  return { cancelled: results.length - failed, failed };
}
