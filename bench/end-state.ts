import { sql } from 'drizzle-orm';
import type { Database } from '@/db/client';

/**
 * What settlement leaves behind, as one comparable value per aspect: row counts of every
 * table, sums of the money columns, and md5 digests over the rows' meaningful columns in a
 * fixed order. Left out is only what two correct settlements may legitimately differ in:
 * updated_at and created_at, serial ids of new rows (orders, refunds, outbox, events are
 * matched by their lot, deposit or idempotency key instead), and which order got which
 * number (the set of numbers and the sequence's position must still agree).
 */
const aspects: Record<string, string> = {
  lots: `select md5(string_agg(concat_ws('|', id, status, next_transition_at, closed_at, deal_price, winner_id, leader_id, current_price, bid_count), ',' order by id)) from lots`,
  auctions: `select md5(string_agg(concat_ws('|', id, status, next_transition_at, ended_at, total_price), ',' order by id)) from auctions`,
  deposits: `select md5(string_agg(concat_ws('|', id, status, balance, refunded_amount, forfeited_amount), ',' order by id)) from deposits`,
  orders: `select md5(string_agg(concat_ws('|', lot_id, auction_id, user_id, deposit_id, status, deal_price, buyer_premium, coupon_discount, amount_due, due_at, next_transition_at, reminded_at, left(order_no, 10)), ',' order by lot_id)) from orders`,
  'order numbers': `select md5(string_agg(order_no, ',' order by order_no)) || ' next ' || (select last_value from order_number_seq) from orders`,
  refunds: `select md5(string_agg(concat_ws('|', payment_id, deposit_id, order_id, amount, reason, status, idempotency_key, attempts, provider_ref), ',' order by idempotency_key)) from refunds`,
  'outbox refunds': `select md5(string_agg(concat_ws('|', r.idempotency_key, o.status, o.attempts), ',' order by r.idempotency_key)) from outbox o join refunds r on r.id = o.refund_id`,
  'outbox notices': `select md5(string_agg(concat_ws('|', o.status, o.attempts, o.payload #- '{data,orderId}' #- '{data,orderNo}'), ',' order by o.payload::text)) from outbox o where o.kind = 'notification'`,
  'notices naming another order': `select count(*) from outbox o where o.kind = 'notification' and not exists (
    select 1 from orders x where x.id = (o.payload->'data'->>'orderId')::int and x.order_no = o.payload->'data'->>'orderNo'
      and x.lot_id = (o.payload->'data'->>'lotId')::int)`,
  'lifecycle events': `select md5(string_agg(row, ',' order by row)) from (
    select concat_ws('|', e.entity, coalesce('lot ' || o.lot_id, e.entity_id::text), e.from_status, e.to_status, e.event, e.actor_id, e.at, e.data) as row
    from lifecycle_events e left join orders o on e.entity = 'order' and o.id = e.entity_id) rows`,
  money: `select concat_ws(' ',
    (select concat_ws('/', sum(amount), sum(balance), sum(refunded_amount), sum(forfeited_amount)) from deposits),
    (select concat_ws('/', sum(deal_price), sum(buyer_premium), sum(amount_due)) from orders),
    (select sum(amount) from refunds), (select sum(total_price) from auctions), (select sum(deal_price) from lots))`,
};

export type EndState = Record<string, string>;

export async function endState(db: Database): Promise<EndState> {
  const tables = await db.execute<{ tablename: string }>(
    sql`select tablename from pg_tables where schemaname = 'public' order by 1`,
  );
  const counts = tables.rows.map((row) => `(select count(*) from "${row.tablename}") as "rows in ${row.tablename}"`);
  const queries = Object.entries(aspects).map(([name, query]) => `(${query}) as "${name}"`);
  const result = await db.execute<Record<string, unknown>>(sql.raw(`select ${[...counts, ...queries].join(', ')}`));
  return Object.fromEntries(Object.entries(result.rows[0]!).map(([key, value]) => [key, String(value)]));
}

/** The aspects in which two end states differ, each with both values. */
export function differences(engine: EndState, baseline: EndState): string[] {
  return Object.keys({ ...engine, ...baseline })
    .filter((key) => engine[key] !== baseline[key])
    .map((key) => `${key}: engine ${engine[key]} ≠ baseline ${baseline[key]}`);
}
