import { sql } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { deductForOverdueOrders } from '@/lib/deposits/deduct-deposits';
import { lockOpenDeposits } from '@/lib/deposits/lock-open-deposits';
import { deduct } from '@/lib/deposits/transitions';
import { settleSessionDeposits } from '@/lib/deposits/settle-session-deposits';
import type { LifecycleRules } from '@/lib/engine/rules';
import { lotTransitions } from '@/lib/lots/transitions';
import { closeOpenCharges, type ClosedCharge } from '@/lib/payments/close-open-charges';
import { logChangedRows } from '@/lib/sql/lifecycle-events';
import { insertNotifications } from '@/lib/sql/outbox-rows';
import { instant, intArray } from '@/lib/sql/values';
import { countStrikes } from './count-strikes';

/**
 * The 24-hour rule's effects for orders that just went overdue: their lots become overdue,
 * the covering deposits are deducted, a session deposit's remaining balance goes back once
 * its owner has no other unpaid order in that auction, each order is a strike against its
 * buyer, and open charges are given up (closed at their providers after commit).
 */
export async function applyOverdue(
  tx: Executor,
  { orderIds, now, rules }: { orderIds: readonly number[]; now: Date; rules: LifecycleRules },
): Promise<{ closedCharges: ClosedCharge[] }> {
  const ids = intArray(orderIds);
  const { overdue } = lotTransitions;
  await tx.execute(sql`
    with target as (
      select l.id, l.status from lots l join orders o on o.lot_id = l.id
      where o.id = any(${ids}) and ${overdue.accepts} order by l.id for update of l
    ), changed as (
      update lots l set status = ${overdue.to}, next_transition_at = null, updated_at = ${instant(now)}
      from target t where l.id = t.id
      returning l.id, t.status::text as from_status, l.status::text as to_status
    ), logged as (
      ${logChangedRows({ entity: 'lot', event: 'OVERDUE', at: now })}
    )
    select count(*) from changed`);
  // Every deposit this may touch is locked up front in one id-ordered statement, so a
  // settlement locking the same session deposits cannot deadlock with it.
  await lockOpenDeposits(tx, { ordersOf: orderIds });
  await notifyOverdue(tx, { orderIds });
  await deductForOverdueOrders(tx, { orderIds, now });
  await settleSessionDeposits(tx, { selection: { ownersOfOrders: orderIds }, reason: 'orders_settled', now });
  await countStrikes(tx, { orderIds, now, rules });
  return { closedCharges: await closeOpenCharges(tx, { orderIds, now }) };
}

/**
 * One 'order_overdue' notification per order, saying how much of its deposit is forfeited.
 * Read once the deposits are locked and before they are deducted, with the claims
 * deductForOverdueOrders makes (a lot deposit its balance, a session deposit the lot's
 * deposit amount); orders drawing on one balance share it out in id order.
 */
async function notifyOverdue(tx: Executor, { orderIds }: { orderIds: readonly number[] }) {
  await tx.execute(sql`
    with claims as (
      select o.id, o.user_id, o.order_no, o.lot_id, l.title as lot_title, o.deposit_id, coalesce(d.balance, 0) as balance,
        case when d.id is null or not (${deduct.accepts}) then 0
             when d.kind = 'lot' then d.balance else l.deposit_amount end as claim
      from orders o join lots l on l.id = o.lot_id left join deposits d on d.id = o.deposit_id
      where o.id = any(${intArray(orderIds)})
    ), shares as (
      select c.*, greatest(0, least(c.claim,
        c.balance - (sum(c.claim) over (partition by c.deposit_id order by c.id) - c.claim))) as forfeited
      from claims c
    )
    ${insertNotifications({
      source: sql`shares s`,
      userId: sql`s.user_id`,
      kind: 'order_overdue',
      data: sql`jsonb_build_object('orderId', s.id, 'orderNo', s.order_no, 'lotId', s.lot_id, 'lotTitle', s.lot_title,
        'forfeited', s.forfeited)`,
    })}`);
}
