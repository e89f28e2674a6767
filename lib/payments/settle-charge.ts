import 'server-only';
import { and, eq, sql } from 'drizzle-orm';
import type { Database, Executor } from '@/db/client';
import { auctions, deposits, lots, orders, payments, type Deposit } from '@/db/schema';
import { auctionStatusAt, auctionMachineColumns } from '@/lib/auctions/machine-context';
import { recordChanges } from '@/lib/sql/lifecycle-events';
import { lotContextOf, lotMachineColumns } from '@/lib/lots/machine-context';
import { insertRefundSends } from '@/lib/sql/outbox-rows';
import { withRetry } from '@/lib/sql/retry';
import type { LifecycleRules } from '@/lib/engine/rules';
import { instant } from '@/lib/sql/values';
import { depositEvent } from '@/machines/deposit';
import { effectiveLotStatus } from '@/machines/lot';
import { markOrderPaid, releaseOrderCoupon } from './order-paid';
import type { WebhookEvent } from './provider';

export type ChargeOutcome = 'applied' | 'failed' | 'refunded' | 'already_settled';

/**
 * What a provider told us about a charge (webhook or sandbox page), applied once: the
 * payment row is locked and each outcome is recorded once. A success counts by the
 * provider's `paidAt`: it funds its deposit or pays its order if that was still possible at
 * that moment (and, for an order, is not past its grace period now); otherwise, or when the
 * charge had been given up on (replaced, or its order went overdue), the whole amount goes
 * back to the same payment.
 */
export async function settleCharge({
  db,
  provider,
  event,
  now,
  rules,
}: {
  db: Database;
  provider: string;
  event: WebhookEvent;
  now: Date;
  rules: LifecycleRules;
}): Promise<ChargeOutcome> {
  // Bids lock a lot before its auction and deposit funding the auction before the lot, and an
  // order payment meets the tick on deposits: the rare deadlock between them is rerun whole,
  // as a provider would redeliver the notice.
  return withRetry(() =>
    db.transaction(async (tx) => {
      const [target] = await tx
        .select({ id: payments.id, orderId: payments.orderId })
        .from(payments)
        .where(and(eq(payments.provider, provider), eq(payments.providerRef, event.reference)));
      if (!target) return 'already_settled';
      // The order before its payment, as the tick (overdue closing open charges) and a new payment attempt lock them.
      if (target.orderId !== null)
        await tx.select({ id: orders.id }).from(orders).where(eq(orders.id, target.orderId)).for('update');
      const [payment] = await tx.select().from(payments).where(eq(payments.id, target.id)).for('update');
      if (!payment || payment.succeededAt !== null) return 'already_settled';
      if (event.type === 'charge.failed') {
        if (payment.status !== 'pending') return 'already_settled';
        await tx.update(payments).set({ status: 'failed' }).where(eq(payments.id, payment.id));
        if (payment.orderId !== null) await releaseOrderCoupon(tx, { orderId: payment.orderId });
        return 'failed';
      }
      const { paidAt } = event;
      const applied =
        payment.status === 'pending' &&
        (payment.depositId !== null
          ? await fundDeposit(tx, { depositId: payment.depositId, amount: payment.amount, paidAt, now })
          : await markOrderPaid(tx, { orderId: payment.orderId!, userId: payment.userId, paidAt, now, rules }));
      // A charge given up on keeps its status: the order or deposit it was for has another, or none.
      await tx
        .update(payments)
        .set({ status: payment.status === 'pending' ? 'succeeded' : payment.status, succeededAt: paidAt })
        .where(eq(payments.id, payment.id));
      if (applied) return 'applied';
      await refundWholePayment(tx, payment.id, payment.amount, now);
      if (payment.orderId !== null && payment.status === 'pending')
        await releaseOrderCoupon(tx, { orderId: payment.orderId });
      return 'refunded';
    }),
  );
}

/**
 * Funds a pending deposit if its auction (and lot) still took deposits at `paidAt`, as the
 * machines say from the stored rows. The auction and lot rows are locked first (FOR SHARE,
 * auction before lot, as the tick's passes take them): a tick ending the auction or closing
 * the lot either commits before this reads them, and the machine sees it closed, or waits
 * until this deposit is held and then settles it with the others.
 */
async function fundDeposit(
  tx: Executor,
  { depositId, amount, paidAt, now }: { depositId: number; amount: number; paidAt: Date; now: Date },
): Promise<boolean> {
  const [deposit] = await tx.select().from(deposits).where(eq(deposits.id, depositId));
  if (!deposit || deposit.amount !== amount || !(await openForDeposits(tx, deposit, paidAt))) return false;
  const step = depositEvent(deposit.status, { balance: deposit.balance, deduction: 0 }, { type: 'PAY' });
  if (!step) return false;
  const funded = await tx
    .update(deposits)
    .set({ status: step.to as Deposit['status'], balance: amount, paidAt, updatedAt: now })
    .where(and(eq(deposits.id, depositId), eq(deposits.status, deposit.status)))
    .returning({ id: deposits.id });
  await recordChanges(
    tx,
    'deposit',
    funded.map(({ id }) => ({ id, from: step.from, to: step.to, event: step.event })),
    now,
  );
  return funded.length > 0;
}

async function openForDeposits(tx: Executor, deposit: Deposit, at: Date): Promise<boolean> {
  await tx.select({ id: auctions.id }).from(auctions).where(eq(auctions.id, deposit.auctionId)).for('share');
  if (deposit.lotId !== null)
    await tx.select({ id: lots.id }).from(lots).where(eq(lots.id, deposit.lotId)).for('share');
  // Read after the locks are held: under READ COMMITTED this statement sees what a tick that held them committed.
  const [row] = await tx.select(auctionMachineColumns).from(auctions).where(eq(auctions.id, deposit.auctionId));
  if (!row) return false;
  const auctionStatus = auctionStatusAt(row, at);
  if (auctionStatus !== 'preview' && auctionStatus !== 'live') return false;
  if (deposit.lotId === null) return true;
  const [lot] = await tx
    .select(lotMachineColumns)
    .from(lots)
    .innerJoin(auctions, eq(auctions.id, lots.auctionId))
    .where(eq(lots.id, deposit.lotId));
  if (!lot) return false;
  const lotStatus = effectiveLotStatus(lot.status, lotContextOf(lot), at);
  return lotStatus === 'preview' || lotStatus === 'live';
}

/** A charge that arrived too late to apply: the whole amount goes back to it. */
async function refundWholePayment(tx: Executor, paymentId: number, amount: number, now: Date) {
  await tx.execute(sql`
    with refunded as (
      insert into refunds (payment_id, amount, reason, idempotency_key, created_at)
      values (${paymentId}, ${amount}, 'payment_not_applicable', ${`payment:${paymentId}:refund`}, ${instant(now)})
      on conflict (idempotency_key) do nothing returning id
    )
    ${insertRefundSends({ source: sql`refunded r`, refundId: sql`r.id` })}`);
}
