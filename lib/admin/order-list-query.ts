import 'server-only';
import { sql, type SQL } from 'drizzle-orm';
import type { OrderStatus } from '@/db/schema';
import type { LifecycleRules } from '@/lib/engine/rules';
import { instant } from '@/lib/sql/values';
import { DUE_SOON_MS, type OrderFilters } from './order-schemas';

/**
 * The back office's order filters as SQL over alias `o` (joined with buyer `u`), shared by
 * the list and the CSV export. A status filter means the status the order machine gives at
 * `now`, not the stored one a late tick left behind, so each status is said here in terms
 * of the machine's deadlines: dueAt (+ the confirmation grace while a charge is open) and
 * shippedAt + the auto-complete delay. Keep these beside machines/order.ts's guards.
 */
export function orderFilterSql(filters: OrderFilters, now: Date, rules: LifecycleRules): SQL {
  const conditions: SQL[] = [sql`true`];
  if (filters.status) conditions.push(effectiveStatusSql(filters.status, now, rules));
  if (filters.auctionId) conditions.push(sql`o.auction_id = ${filters.auctionId}`);
  if (filters.buyer) {
    const pattern = `%${filters.buyer.replace(/[\\%_]/g, (char) => `\\${char}`)}%`;
    conditions.push(sql`(u.name ilike ${pattern} or u.phone ilike ${pattern} or u.email ilike ${pattern}
      or o.order_no ilike ${pattern})`);
  }
  if (filters.dueSoon) {
    conditions.push(effectiveStatusSql('pending_payment', now, rules));
    conditions.push(sql`o.due_at <= ${instant(new Date(now.getTime() + DUE_SOON_MS))}`);
  }
  return sql.join(conditions, sql` and `);
}

function effectiveStatusSql(status: OrderStatus, now: Date, rules: LifecycleRules): SQL {
  const at = instant(now);
  const due = sql`o.due_at <= ${at}`;
  const graceOver = sql`o.due_at + ${`${rules.paymentGraceMs} milliseconds`}::interval <= ${at}`;
  const openCharge = sql`exists (select 1 from payments p where p.order_id = o.id and p.status = 'pending')`;
  const unpaid = sql`o.status in ('pending_payment', 'confirming_payment')`;
  const autoCompleted = sql`o.shipped_at + ${`${rules.autoCompleteMs} milliseconds`}::interval <= ${at}`;
  switch (status) {
    case 'pending_payment':
      return sql`(o.status = 'pending_payment' and not ${due})`;
    case 'confirming_payment':
      return sql`(${unpaid} and ${due} and not ${graceOver} and (o.status = 'confirming_payment' or ${openCharge}))`;
    case 'overdue':
      return sql`(o.status = 'overdue' or (${unpaid} and ${due} and (${graceOver}
        or (o.status = 'pending_payment' and not ${openCharge}))))`;
    case 'shipped':
      return sql`(o.status = 'shipped' and not ${autoCompleted})`;
    case 'completed':
      return sql`(o.status = 'completed' or (o.status = 'shipped' and ${autoCompleted}))`;
    default:
      return sql`o.status = ${status}`;
  }
}
