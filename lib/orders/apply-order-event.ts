import 'server-only';
import { and, eq, getTableColumns } from 'drizzle-orm';
import type { Database, Executor } from '@/db/client';
import { orders, type Order, type OrderStatus } from '@/db/schema';
import { DEFAULT_RULES, type LifecycleRules } from '@/lib/engine/rules';
import { AppError } from '@/lib/errors';
import { recordChanges } from '@/lib/sql/lifecycle-events';
import { effectiveOrderStatus, nextOrderTransitionAt, orderEvent, type OrderEvent } from '@/machines/order';
import { orderContextOf, orderMachineColumns } from './machine-context';

/**
 * A person's event on one order, decided by its machine under the row lock; a refused event
 * is WRONG_STATE and writes nothing. `buyerId` limits it to that buyer's own order (another
 * buyer's reads as not found).
 */
export async function applyOrderEvent({
  db,
  orderId,
  event,
  actorId,
  buyerId,
  trackingNo,
  carrier,
  afterChange,
  rules = DEFAULT_RULES,
}: {
  db: Database;
  orderId: number;
  event: Exclude<OrderEvent, { type: 'TICK' | 'PAY' }>;
  actorId: number;
  buyerId?: number;
  trackingNo?: string;
  carrier?: string;
  afterChange?: (tx: Executor, order: Order, to: OrderStatus) => Promise<void>;
  rules?: LifecycleRules;
}) {
  return db.transaction(async (tx) => {
    const [order] = await tx
      .select({ ...getTableColumns(orders), ...orderMachineColumns })
      .from(orders)
      .where(eq(orders.id, orderId))
      .for('update', { of: orders });
    if (!order || (buyerId !== undefined && order.userId !== buyerId)) throw new AppError('NOT_FOUND', 'No such order');
    const context = orderContextOf(order, rules);
    const step = orderEvent(effectiveOrderStatus(order.status, context, event.now), context, event);
    if (!step) throw new AppError('WRONG_STATE', `An order that is ${order.status} cannot take ${event.type}`);
    const to = step.to as typeof order.status;
    const shippedAt = event.type === 'SHIP' ? event.now : order.shippedAt;
    await tx
      .update(orders)
      .set({
        status: to,
        shippedAt,
        trackingNo: trackingNo ?? order.trackingNo,
        carrier: carrier ?? order.carrier,
        completedAt: to === 'completed' ? event.now : order.completedAt,
        nextTransitionAt: nextOrderTransitionAt(to, orderContextOf({ ...order, shippedAt }, rules)),
      })
      .where(and(eq(orders.id, orderId), eq(orders.status, order.status)));
    await recordChanges(tx, 'order', [{ id: orderId, from: order.status, to, event: event.type }], event.now, actorId);
    await afterChange?.(tx, order, to);
    return to;
  });
}
