import { sql } from 'drizzle-orm';

/**
 * Rows of `problem, id` breaking design.md's conservation rule, read from the tables
 * themselves: for every paid deposit, paid = refunded + forfeited + balance against its
 * payment and refund rows, and no payment refunded beyond its amount. Empty is a pass.
 */
export const moneyConservationProblems = sql`
  select 'deposit money' as problem, d.id from deposits d
  where d.status <> 'pending' and (
    d.amount <> d.balance + d.refunded_amount + d.forfeited_amount
    or d.amount <> (select coalesce(sum(p.amount), 0) from payments p where p.deposit_id = d.id and p.status = 'succeeded')
    or d.refunded_amount <> (select coalesce(sum(r.amount), 0) from refunds r where r.deposit_id = d.id))
  union all
  select 'refunds exceed payment', p.id from payments p
  where (select coalesce(sum(r.amount), 0) from refunds r where r.payment_id = p.id) > p.amount`;
