import { and, eq, sql } from 'drizzle-orm';
import type { Database, Executor } from '@/db/client';
import { deposits, payments } from '@/db/schema';
import { recordChanges } from '@/lib/lifecycle/events';
import { instant } from '@/lib/lifecycle/sql-values';
import { markOrderPaid, releaseOrderCoupon } from './order-paid';

export type ChargeOutcome = 'applied' | 'failed' | 'refunded' | 'already_settled';

/**
 * What a provider told us about a charge (webhook or sandbox page), applied once: the
 * payment row is locked and only a pending one moves. A succeeded charge funds its deposit
 * or pays its order; if that is no longer possible (the order went overdue first, the
 * deposit's auction closed) the money goes straight back to the same payment.
 */
export async function settleCharge({ db, provider, reference, succeeded, now }: { db: Database; provider: string; reference: string; succeeded: boolean; now: Date }): Promise<ChargeOutcome> {
  return db.transaction(async (tx) => {
    const [payment] = await tx
      .select()
      .from(payments)
      .where(and(eq(payments.provider, provider), eq(payments.providerRef, reference)))
      .for('update');
    if (!payment || payment.status !== 'pending') return 'already_settled';
    if (!succeeded) {
      await tx.update(payments).set({ status: 'failed' }).where(eq(payments.id, payment.id));
      if (payment.orderId !== null) await releaseOrderCoupon(tx, payment.orderId);
      return 'failed';
    }
    await tx.update(payments).set({ status: 'succeeded', succeededAt: now }).where(eq(payments.id, payment.id));
    const applied = payment.depositId !== null ? await fundDeposit(tx, payment.depositId, payment.amount, now) : await markOrderPaid(tx, payment.orderId!, payment.userId, now);
    if (applied) return 'applied';
    await refundWholePayment(tx, payment.id, payment.amount, now);
    if (payment.orderId !== null) await releaseOrderCoupon(tx, payment.orderId);
    return 'refunded';
  });
}

async function fundDeposit(tx: Executor, depositId: number, amount: number, now: Date): Promise<boolean> {
  const funded = await tx
    .update(deposits)
    .set({ status: 'held', balance: amount, paidAt: now })
    .where(
      and(
        eq(deposits.id, depositId),
        eq(deposits.status, 'pending'),
        eq(deposits.amount, amount),
        // Money that arrives after the auction (or the lot) closed would never be settled.
        sql`exists (select 1 from auctions a where a.id = ${deposits.auctionId} and a.status in ('scheduled', 'preview', 'live'))`,
        sql`(${deposits.lotId} is null or exists (select 1 from lots l where l.id = ${deposits.lotId} and l.status in ('scheduled', 'preview', 'live')))`,
      ),
    )
    .returning({ id: deposits.id });
  await recordChanges(tx, 'deposit', funded.map(({ id }) => ({ id, from: 'pending', to: 'held', event: 'PAY' })), now);
  return funded.length > 0;
}

/** A charge that arrived too late to apply: the whole amount goes back to it. */
async function refundWholePayment(tx: Executor, paymentId: number, amount: number, now: Date) {
  await tx.execute(sql`
    with refunded as (
      insert into refunds (payment_id, amount, reason, idempotency_key, created_at)
      values (${paymentId}, ${amount}, 'payment_not_applicable', ${`payment:${paymentId}:refund`}, ${instant(now)})
      on conflict (idempotency_key) do nothing returning id
    )
    insert into outbox (kind, refund_id) select 'refund', id from refunded`);
}
