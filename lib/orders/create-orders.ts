import { sql } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { PAYMENT_REMINDER_LEAD_MS } from '@/machines/order';
import type { LifecycleRules } from '@/lib/engine/rules';
import { insertLifecycleEvents } from '@/lib/sql/lifecycle-events';
import { insertNotifications } from '@/lib/sql/outbox-rows';
import { nextOrderNumber } from './order-number';
import { intArray } from '@/lib/sql/values';

/**
 * One order per sold lot, for its winner, in one statement. The covering deposit is the
 * winner's lot deposit for that lot if held, else their session deposit. That one may be
 * spent already (forfeited by an earlier order of the auction that went overdue while this
 * lot was still open: staggered or extended closes); the order still names it, with nothing
 * left to deduct, since an order without one would fail the whole batch on every tick.
 * It is due the payment window after the lot closed (even if a late tick creates it). The
 * unique key on lot_id makes a second tick's attempt a no-op.
 */
export async function createOrdersForSoldLots(
  tx: Executor,
  { lotIds, now, rules }: { lotIds: readonly number[]; now: Date; rules: LifecycleRules },
) {
  const created = await tx.execute<{ id: number }>(sql`
    with sold as (
      select l.id as lot_id, l.auction_id, l.closed_at + ${rules.paymentWindowMs} * interval '1 millisecond' as due_at, l.winner_id, l.deal_price, l.title,
             div(l.deal_price::numeric * a.buyer_premium_bps + 5000, 10000)::bigint as buyer_premium,
             coalesce(
               (select d.id from deposits d where d.lot_id = l.id and d.user_id = l.winner_id and d.status = 'held'),
               (select d.id from deposits d where d.lot_id is null and d.auction_id = l.auction_id and d.user_id = l.winner_id and d.status = 'held'),
               (select d.id from deposits d
                where d.auction_id = l.auction_id and d.user_id = l.winner_id and (d.lot_id = l.id or d.lot_id is null) and d.status <> 'pending'
                order by d.lot_id nulls last, d.id limit 1)
             ) as deposit_id
      from lots l join auctions a on a.id = l.auction_id
      where l.id = any(${intArray(lotIds)}) and l.status = 'sold'
    ), inserted as (
      insert into orders (order_no, lot_id, auction_id, user_id, deposit_id, deal_price, buyer_premium, due_at, next_transition_at)
      select ${nextOrderNumber(now, rules.timeZone)},
             lot_id, auction_id, winner_id, deposit_id, deal_price, buyer_premium, due_at,
             due_at - ${PAYMENT_REMINDER_LEAD_MS} * interval '1 millisecond'
      from sold
      on conflict (lot_id) do nothing
      returning id, user_id, lot_id, order_no, due_at
    ), logged as (
      ${insertLifecycleEvents({
        entity: 'order',
        source: sql`inserted i`,
        id: sql`i.id`,
        from: sql`'none'`,
        to: sql`'pending_payment'`,
        event: sql`'CREATE'`,
        at: now,
      })}
    ), notified as (
      ${insertNotifications({
        // Joined by the lots key, not back to the sold CTE: the planner guesses a CTE holds one
        // row and would scan it once per order, growing with the square of the batch.
        source: sql`inserted i join lots l on l.id = i.lot_id`,
        userId: sql`i.user_id`,
        kind: 'order_created',
        data: sql`jsonb_build_object('orderId', i.id, 'orderNo', i.order_no, 'lotId', i.lot_id, 'lotTitle', l.title,
          'dueAt', i.due_at, 'hours', ${Math.round(rules.paymentWindowMs / 3_600_000)}::int)`,
      })}
    )
    select id from inserted`);
  return created.rows.length;
}
