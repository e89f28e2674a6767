import 'server-only';
import { sql } from 'drizzle-orm';
import type { Executor } from '@/db';
import type { LifecycleRules } from '@/lib/engine/rules';
import { adminOrderRowOf, orderRowsSql, type AdminOrderRow } from './list-orders';
import { orderFilterSql } from './order-list-query';
import type { OrderFilters } from './order-schemas';

const EXPORT_BATCH = 500;

/**
 * Every order matching the list's filters, oldest first, in batches read one at a time by
 * id (keyset), so an export streams however many orders there are.
 */
export async function* exportOrders({
  db,
  filters,
  now,
  rules,
}: {
  db: Executor;
  filters: OrderFilters;
  now: Date;
  rules: LifecycleRules;
}): AsyncGenerator<AdminOrderRow[]> {
  const where = orderFilterSql(filters, now, rules);
  let afterId = 0;
  for (;;) {
    const batch = await db.execute<Record<string, unknown>>(
      sql`${orderRowsSql} where ${where} and o.id > ${afterId} order by o.id limit ${EXPORT_BATCH}`,
    );
    if (batch.rows.length === 0) return;
    const rows = batch.rows.map((row) => adminOrderRowOf(row, now, rules));
    yield rows;
    afterId = rows[rows.length - 1]!.id;
    if (batch.rows.length < EXPORT_BATCH) return;
  }
}
