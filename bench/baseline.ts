import { sql } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { DEFAULT_RULES } from '@/lib/engine/rules';

/** The refund rows and outbox rows for a `refunded` CTE (id, amount), as refundDeposits writes them. */
const refundRowsOf = (reason: string) => sql`refund_rows as (
        insert into refunds (payment_id, deposit_id, amount, reason, idempotency_key)
        select p.id, r.id, r.amount, ${reason}, 'deposit:' || r.id || ':refund'
        from refunded r join payments p on p.deposit_id = r.id and p.status = 'succeeded'
        where r.amount > 0
        returning id
      ), refund_queue as (
        insert into outbox (kind, refund_id) select 'refund', id from refund_rows
      )`;

/**
 * The floor settlement is measured against: what one tick writes for a closing that is due
 * at `now`, written by hand as one transaction of two set-based statements, with no claim
 * loop, no machines in between and no statement that changes nothing. It follows the
 * engine's rules (design.md) rather than its code: every lot due closes sold to its leader
 * when it has a winning bid (else unsold) with its order, its order's notice and refunds
 * of every other lot deposit; then every auction left without open lots ends with its
 * total, its session deposits refunded, or frozen while their owner owes an order. The
 * bench checks that it leaves exactly the engine's end state before timing either.
 */
export async function settleByHand(db: Database, now: Date) {
  const at = sql`${now.toISOString()}::timestamptz`;
  const { paymentWindowMs, timeZone } = DEFAULT_RULES;
  const window = sql`${paymentWindowMs} * interval '1 millisecond'`;
  await db.transaction(async (tx) => {
    await tx.execute(sql`
      with closing as (
        select l.id, coalesce(l.ends_at, a.ends_at) as ends_at,
               l.bid_count > 0 and l.current_price is not null and l.current_price >= coalesce(l.reserve_price, 0) as sold
        from lots l join auctions a on a.id = l.auction_id
        where l.status = 'live' and l.next_transition_at <= ${at} and coalesce(l.ends_at, a.ends_at) <= ${at}
        for update of l
      ), closed as (
        update lots l set
          status = case when c.sold then 'sold' else 'unsold' end::lot_status,
          next_transition_at = null,
          closed_at = coalesce(l.closed_at, c.ends_at),
          deal_price = case when c.sold then l.current_price else l.deal_price end,
          winner_id = case when c.sold then l.leader_id else l.winner_id end,
          updated_at = ${at}
        from closing c where l.id = c.id
        returning l.id, l.auction_id, l.title, l.status, case when c.sold then l.winner_id end as winner_id,
                  l.deal_price, l.closed_at
      ), lot_events as (
        insert into lifecycle_events (entity, entity_id, from_status, to_status, event, at)
        select 'lot', id, 'live', status::text, 'TICK', ${at} from closed
      ), sold as materialized (
        select c.id as lot_id, c.auction_id, c.winner_id, c.deal_price, c.title, c.closed_at + ${window} as due_at,
               (c.deal_price * a.buyer_premium_bps + 5000) / 10000 as buyer_premium,
               coalesce(lot_deposit.id, session_deposit.id) as deposit_id,
               nextval('order_number_seq') as serial
        from closed c
        join auctions a on a.id = c.auction_id
        left join deposits lot_deposit
          on lot_deposit.lot_id = c.id and lot_deposit.user_id = c.winner_id and lot_deposit.status = 'held'
        left join deposits session_deposit
          on session_deposit.lot_id is null and session_deposit.auction_id = c.auction_id
          and session_deposit.user_id = c.winner_id and session_deposit.status = 'held'
        where c.winner_id is not null
      ), ordered as (
        insert into orders (order_no, lot_id, auction_id, user_id, deposit_id, deal_price, buyer_premium, due_at, next_transition_at)
        select 'GV' || to_char(${at} at time zone ${timeZone}, 'YYYYMMDD') || lpad(serial::text, greatest(6, length(serial::text)), '0'),
               lot_id, auction_id, winner_id, deposit_id, deal_price, buyer_premium, due_at, due_at - interval '2 hours'
        from sold
        returning id, lot_id, user_id, order_no
      ), order_events as (
        insert into lifecycle_events (entity, entity_id, from_status, to_status, event, at)
        select 'order', id, 'none', 'pending_payment', 'CREATE', ${at} from ordered
      ), notices as (
        insert into outbox (kind, payload)
        select 'notification', jsonb_build_object('userId', o.user_id, 'kind', 'order_created',
          'data', jsonb_build_object('orderId', o.id, 'orderNo', o.order_no, 'lotId', o.lot_id, 'lotTitle', s.title,
            'dueAt', s.due_at, 'hours', ${Math.round(paymentWindowMs / 3_600_000)}::int))
        from ordered o join sold s on s.lot_id = o.lot_id
      ), losing as (
        select d.id, d.status, d.balance from deposits d join closed c on c.id = d.lot_id
        where d.status in ('held', 'frozen') and d.user_id is distinct from c.winner_id
      ), refunded as (
        update deposits d set status = 'refunded', refunded_amount = d.refunded_amount + t.balance, balance = 0, updated_at = ${at}
        from losing t where d.id = t.id
        returning d.id, t.balance as amount, t.status::text as from_status
      ), ${refundRowsOf('lot_lost')}
      insert into lifecycle_events (entity, entity_id, from_status, to_status, event, at, data)
      select 'deposit', id, from_status, 'refunded', 'REFUND', ${at}, jsonb_build_object('amount', amount, 'reason', 'lot_lost'::text)
      from refunded`);
    await tx.execute(sql`
      with ending as (
        select a.id,
               greatest(a.ends_at, (select max(coalesce(l.ends_at, a.ends_at)) from lots l where l.auction_id = a.id)) as ended_at,
               coalesce((select sum(l.deal_price) from lots l where l.auction_id = a.id and l.status in ('sold', 'paid', 'overdue')), 0) as total
        from auctions a
        where a.status = 'live' and a.next_transition_at <= ${at}
          and not exists (select 1 from lots l where l.auction_id = a.id and l.status in ('draft', 'scheduled', 'preview', 'live'))
        for update of a
      ), ended as (
        update auctions a set status = 'ended', next_transition_at = null, ended_at = e.ended_at, total_price = e.total,
          updated_at = ${at}
        from ending e where a.id = e.id
        returning a.id
      ), auction_events as (
        insert into lifecycle_events (entity, entity_id, from_status, to_status, event, at)
        select 'auction', id, 'live', 'ended', 'TICK', ${at} from ended
      ), sessions as (
        select d.id, d.status, d.balance, exists (
                 select 1 from orders o where o.user_id = d.user_id and o.auction_id = d.auction_id
                   and o.status in ('pending_payment', 'confirming_payment')) as owed
        from deposits d join ended e on e.id = d.auction_id
        where d.lot_id is null and d.status in ('held', 'frozen')
      ), refunded as (
        update deposits d set status = 'refunded', refunded_amount = d.refunded_amount + s.balance, balance = 0, updated_at = ${at}
        from sessions s where d.id = s.id and not s.owed
        returning d.id, s.balance as amount, s.status::text as from_status
      ), frozen as (
        update deposits d set status = 'frozen', updated_at = ${at}
        from sessions s where d.id = s.id and s.owed and s.status = 'held'
        returning d.id
      ), ${refundRowsOf('auction_won_nothing')}
      insert into lifecycle_events (entity, entity_id, from_status, to_status, event, at, data)
      select 'deposit'::lifecycle_entity, id, from_status, 'refunded', 'REFUND', ${at},
             jsonb_build_object('amount', amount, 'reason', 'auction_won_nothing'::text)
      from refunded
      union all
      select 'deposit', id, 'held', 'frozen', 'FREEZE', ${at}, '{}'::jsonb from frozen`);
  });
}
