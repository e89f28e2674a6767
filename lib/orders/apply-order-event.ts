import 'server-only';
import { and, eq, getTableColumns } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { orders } from '@/db/schema';
import { DEFAULT_RULES, type LifecycleRules } from '@/lib/engine/rules';
import { AppError } from '@/lib/errors';
import { recordChanges } from '@/lib/sql/lifecycle-events';
import { nextOrderTransitionAt, orderEvent, type OrderEvent } from '@/machines/order';
import { orderContextOf, orderMachineColumns } from './machine-context';

/**
 * A person's event on one order, decided by its machine under the row lock; a refused event
 * is a CONFLICT that writes nothing. `buyerId` limits it to that buyer's own order (another
 * buyer's reads as not found).
 */
export async function applyOrderEvent({
  db,
  orderId,
  event,
  actorId,
  buyerId,
  trackingNo,
  rules = DEFAULT_RULES,
}: {
  db: Database;
  orderId: number;
  event: Exclude<OrderEvent, { type: 'TICK' | 'PAY' }>;
  actorId: number;
  buyerId?: number;
  trackingNo?: string;
  rules?: LifecycleRules;
}) {
  return db.transaction(async (tx) => {
    const [order] = await tx
      .select({ ...getTableColumns(orders), ...orderMachineColumns })
      .from(orders)
      .where(eq(orders.id, orderId))
      .for('update', { of: orders });
    if (!order || (buyerId !== undefined && order.userId !== buyerId)) throw new AppError('NOT_FOUND', 'No such order');
    const step = orderEvent(order.status, orderContextOf(order, rules), event);
    if (!step) throw new AppError('CONFLICT', `An order that is ${order.status} cannot take ${event.type}`);
    const to = step.to as typeof order.status;
    const shippedAt = event.type === 'SHIP' ? event.now : order.shippedAt;
    await tx
      .update(orders)
      .set({
        status: to,
        shippedAt,
        trackingNo: trackingNo ?? order.trackingNo,
        completedAt: to === 'completed' ? event.now : order.completedAt,
        nextTransitionAt: nextOrderTransitionAt(to, orderContextOf({ ...order, shippedAt }, rules)),
      })
      .where(and(eq(orders.id, orderId), eq(orders.status, order.status)));
    await recordChanges(tx, 'order', [{ id: orderId, from: order.status, to, event: event.type }], event.now, actorId);
    return to;
  });
}
