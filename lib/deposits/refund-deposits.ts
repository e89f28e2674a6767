import { sql } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { logChangedRows, type Change } from '@/lib/sql/lifecycle-events';
import { insertRefundSends } from '@/lib/sql/outbox-rows';
import { instant } from '@/lib/sql/values';
import { depositsWhere, stillOwed, type DepositSelection } from './selection';
import { refund } from './transitions';

export type RefundReason =
  | 'lot_lost'
  | 'lot_unsold'
  | 'auction_won_nothing'
  | 'auction_cancelled'
  | 'order_paid'
  | 'orders_settled'
  | 'payment_not_applicable'
  /** An operator cancelled the order the deposit answered for; the buyer was not at fault. */
  | 'order_cancelled'
  /** An operator gave the balance back by hand (the audit log keeps their reason). */
  | 'manual';

/**
 * REFUND for every selected deposit still holding money, in one statement: the deposit's
 * whole balance goes back (its status as the machine says), a refund row keyed
 * `deposit:<id>:refund` against the payment that funded it, its outbox entry, and the
 * lifecycle event. The provider is only called after commit, by the outbox. Rows are locked
 * in id order first, so transactions touching overlapping sets queue instead of deadlocking.
 * `unlessOwed` keeps a deposit that still answers for an unpaid order.
 */
export async function refundDeposits(
  tx: Executor,
  {
    selection,
    reason,
    now,
    unlessOwed = false,
  }: { selection: DepositSelection; reason: RefundReason; now: Date; unlessOwed?: boolean },
): Promise<Change[]> {
  const result = await tx.execute<{ id: number; from_status: string; to_status: string }>(sql`
    with target as (
      select d.id, d.status, d.balance from deposits d
      where (${depositsWhere(selection)}) and ${refund.accepts} ${unlessOwed ? sql`and not ${stillOwed}` : sql``}
      order by d.id for update of d
    ), changed as (
      update deposits d
      set status = ${refund.to}, refunded_amount = d.refunded_amount + t.balance, balance = 0, updated_at = ${instant(now)}
      from target t where d.id = t.id and d.status = t.status
      returning d.id, t.balance as amount, t.status::text as from_status, d.status::text as to_status,
        (select p.id from payments p where p.deposit_id = d.id and p.status = 'succeeded' order by p.id limit 1) as payment_id
    ), refunded as (
      insert into refunds (payment_id, deposit_id, amount, reason, idempotency_key)
      select c.payment_id, c.id, c.amount, ${reason}, 'deposit:' || c.id || ':refund'
      from changed c where c.amount > 0 and c.payment_id is not null
      on conflict (idempotency_key) do nothing
      returning id
    ), queued as (
      ${insertRefundSends({ source: sql`refunded r`, refundId: sql`r.id` })}
    ), logged as (
      ${logChangedRows({ entity: 'deposit', event: 'REFUND', at: now, data: sql`jsonb_build_object('amount', c.amount, 'reason', ${reason}::text)` })}
    )
    select c.id, c.from_status, c.to_status from changed c`);
  return result.rows.map((row) => ({ id: Number(row.id), from: row.from_status, to: row.to_status, event: 'REFUND' }));
}
