import { sql, type SQL } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import type { Change } from './events';
import { instant, intArray } from './sql-values';

/**
 * Money moves on deposits, each one statement over a whole set of deposits: the deposit
 * row changes (guarded on its status), the refund row and its outbox entry are written and
 * the lifecycle event logged, all in the caller's transaction. The provider is only called
 * after commit, by the outbox.
 *
 * Target rows are locked in id order first, so two transactions touching overlapping sets
 * queue up instead of deadlocking.
 */

export type RefundReason =
  | 'lot_lost'
  | 'lot_unsold'
  | 'auction_won_nothing'
  | 'auction_cancelled'
  | 'order_paid'
  | 'orders_settled'
  | 'payment_not_applicable';

/**
 * Refunds the whole remaining balance of every held or frozen deposit matching `where`
 * (a condition on alias `d`). Returns the deposits it refunded.
 */
export async function refundDeposits(tx: Executor, where: SQL, reason: RefundReason, now: Date): Promise<Change[]> {
  const result = await tx.execute<{ id: number; from_status: string }>(sql`
    with target as (
      select d.id, d.status, d.balance from deposits d
      where (${where}) and d.status in ('held', 'frozen')
      order by d.id for update of d
    ), changed as (
      update deposits d
      set status = 'refunded', refunded_amount = d.refunded_amount + t.balance, balance = 0, updated_at = ${instant(now)}
      from target t where d.id = t.id and d.status = t.status
      returning d.id, t.balance as amount, t.status::text as from_status
    ), paid as (
      select distinct on (p.deposit_id) p.deposit_id, p.id from payments p join changed c on c.id = p.deposit_id
      where p.status = 'succeeded' order by p.deposit_id, p.id
    ), refunded as (
      insert into refunds (payment_id, deposit_id, amount, reason, idempotency_key)
      select paid.id, c.id, c.amount, ${reason}, 'deposit:' || c.id || ':refund'
      from changed c join paid on paid.deposit_id = c.id where c.amount > 0
      on conflict (idempotency_key) do nothing
      returning id
    ), queued as (
      insert into outbox (kind, refund_id) select 'refund', id from refunded returning id
    ), logged as (
      insert into lifecycle_events (entity, entity_id, from_status, to_status, event, at, data)
      select 'deposit', c.id, c.from_status, 'refunded', 'REFUND', ${instant(now)},
             jsonb_build_object('amount', c.amount, 'reason', ${reason}::text)
      from changed c returning id
    )
    select c.id, c.from_status from changed c`);
  return result.rows.map((row) => ({ id: Number(row.id), from: row.from_status, to: 'refunded', event: 'REFUND' }));
}

/**
 * The 24-hour rule's deduction for a set of overdue orders (`orderIds`): each order takes
 * from the deposit that covered it the lot's deposit amount (a lot deposit loses its whole
 * balance), never below zero. Several orders on one session deposit add up. A deposit left
 * with nothing is forfeited; otherwise it keeps its status with the smaller balance.
 */
export async function deductForOverdueOrders(tx: Executor, orderIds: SQL, now: Date): Promise<number> {
  const result = await tx.execute<{ deposits: number }>(sql`
    with claims as (
      select o.deposit_id, sum(case when d.kind = 'lot' then d.balance else l.deposit_amount end) as amount
      from orders o join lots l on l.id = o.lot_id join deposits d on d.id = o.deposit_id
      where o.id = any(${orderIds}) group by o.deposit_id
    ), target as (
      select d.id, d.status, d.balance, c.amount from deposits d join claims c on c.deposit_id = d.id
      where d.status in ('held', 'frozen') order by d.id for update of d
    ), changed as (
      update deposits d
      set balance = greatest(t.balance - t.amount, 0),
          forfeited_amount = d.forfeited_amount + least(t.balance, t.amount),
          status = case when t.balance <= t.amount then 'forfeited'::deposit_status else d.status end,
          updated_at = ${instant(now)}
      from target t where d.id = t.id and d.status = t.status
      returning d.id, t.status::text as from_status, d.status::text as to_status, least(t.balance, t.amount) as forfeited
    ), logged as (
      insert into lifecycle_events (entity, entity_id, from_status, to_status, event, at, data)
      select 'deposit', c.id, c.from_status, c.to_status, 'DEDUCT', ${instant(now)}, jsonb_build_object('amount', c.forfeited)
      from changed c returning id
    )
    select count(*)::int as deposits from changed`);
  return result.rows[0]?.deposits ?? 0;
}

/**
 * Still owed: its owner has an unpaid order the deposit answers for (any order in the auction
 * for a session deposit, the lot's order for a lot deposit). A charge the provider is still
 * confirming is unpaid too. Reads alias `d`.
 */
export const depositStillOwed = sql`exists (
  select 1 from orders o
  where o.user_id = d.user_id and o.auction_id = d.auction_id and (d.lot_id is null or o.lot_id = d.lot_id)
    and o.status in ('pending_payment', 'confirming_payment'))`;

/**
 * Locks the held or frozen deposits matching `where` in id order and returns their ids.
 * Whoever decides a deposit's fate locks it here first and only then reads the orders, in a
 * later statement: under READ COMMITTED a statement sees what committed before it began, so
 * a transaction that changed an order (paid, overdue) and then waits for this lock is seen
 * by the next one to take it, and never decides on a stale picture.
 */
export async function lockOpenDeposits(tx: Executor, where: SQL): Promise<number[]> {
  const locked = await tx.execute<{ id: number }>(sql`
    select d.id from deposits d where (${where}) and d.status in ('held', 'frozen') order by d.id for update of d`);
  return locked.rows.map((row) => Number(row.id));
}

/**
 * Session deposits (alias `d`, condition `where`) of ended auctions, decided under their row
 * lock: the whole balance goes back when the owner has nothing left to pay, a held one is
 * frozen while something is still owed. Settlement, a paid order and an overdue one all
 * decide through here, so whichever commits last sees the others' orders.
 */
export async function settleSessionDeposits(
  tx: Executor,
  where: SQL,
  reason: RefundReason,
  now: Date,
): Promise<Change[]> {
  const ids = await lockOpenDeposits(tx, sql`d.kind = 'session' and (${where})`);
  if (ids.length === 0) return [];
  const mine = sql`d.id = any(${intArray(ids)}) and exists (select 1 from auctions a where a.id = d.auction_id and a.status = 'ended')`;
  const refunded = await refundDeposits(tx, sql`${mine} and not ${depositStillOwed}`, reason, now);
  const frozen = await freezeDeposits(tx, sql`${mine} and d.status = 'held' and ${depositStillOwed}`, now);
  return [...refunded, ...frozen];
}

/**
 * settleSessionDeposits for the session deposits of (user_id, auction_id) rows `pairs`
 * selects: what a paid or overdue order calls once its own status has changed.
 */
export async function refundSettledSessionDeposits(
  tx: Executor,
  pairs: SQL,
  reason: RefundReason,
  now: Date,
): Promise<Change[]> {
  return settleSessionDeposits(tx, sql`(d.user_id, d.auction_id) in (${pairs})`, reason, now);
}

/** FREEZE: held deposits matching `where` (alias `d`, already locked by the caller) become frozen. */
async function freezeDeposits(tx: Executor, where: SQL, now: Date): Promise<Change[]> {
  const frozen = await tx.execute<{ id: number }>(sql`
    with frozen as (
      update deposits d set status = 'frozen', updated_at = ${instant(now)}
      where (${where}) and d.status = 'held'
      returning d.id
    ), logged as (
      insert into lifecycle_events (entity, entity_id, from_status, to_status, event, at)
      select 'deposit', id, 'held', 'frozen', 'FREEZE', ${instant(now)} from frozen returning id
    )
    select id from frozen`);
  return frozen.rows.map((row) => ({ id: Number(row.id), from: 'held', to: 'frozen', event: 'FREEZE' }));
}
