import { sql } from 'drizzle-orm';
import { orders, type OrderStatus } from '@/db/schema';
import type { LifecycleRules } from '@/lib/engine/rules';
import type { OrderContext } from '@/machines/order';

/**
 * The one definition of what an order's machine reads; add these to a select over `orders`.
 * `openCharge`: a charge still open at its provider. The subquery names the order by its
 * table, since drizzle leaves a column of a one-table select unqualified, where it would
 * bind to the subquery's payments.
 */
export const orderMachineColumns = {
  status: orders.status,
  dueAt: orders.dueAt,
  shippedAt: orders.shippedAt,
  remindedAt: orders.remindedAt,
  openCharge:
    sql<boolean>`exists (select 1 from payments p where p.order_id = "orders"."id" and p.status = 'pending')`.mapWith(
      (value) => value === true || value === 't',
    ),
};

export type OrderMachineRow = {
  status: OrderStatus;
  dueAt: Date;
  shippedAt: Date | null;
  remindedAt: Date | null;
  openCharge: boolean;
};

export function orderContextOf(row: OrderMachineRow, rules: LifecycleRules): OrderContext {
  return {
    dueAt: row.dueAt,
    autoCompleteAt: row.shippedAt ? new Date(row.shippedAt.getTime() + rules.autoCompleteMs) : null,
    openCharge: row.openCharge,
    graceMs: rules.paymentGraceMs,
    reminded: row.remindedAt !== null,
  };
}
