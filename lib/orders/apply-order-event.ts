import { and, eq, getTableColumns } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { orders } from '@/db/schema';
import { AppError } from '@/lib/errors';
import { nextOrderTransitionAt, orderEvent, type OrderEvent } from '@/machines/order';
import { openChargeOf, orderContextOf } from './advance-orders';
import { recordChanges } from './events';
import { DEFAULT_RULES, type LifecycleRules } from './rules';

/** SHIP (operator, with a tracking number) and CONFIRM (the buyer, on their own order). */
async function applyOrderEvent(
  db: Database,
  orderId: number,
  event: OrderEvent,
  {
    actorId,
    buyerId,
    trackingNo,
    rules = DEFAULT_RULES,
  }: { actorId: number; buyerId?: number; trackingNo?: string; rules?: LifecycleRules },
) {
  return db.transaction(async (tx) => {
    const [order] = await tx
      .select({ ...getTableColumns(orders), openCharge: openChargeOf('orders') })
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

export const shipOrder = (
  db: Database,
  { orderId, trackingNo, now, adminId }: { orderId: number; trackingNo: string; now: Date; adminId: number },
) => applyOrderEvent(db, orderId, { type: 'SHIP', now }, { actorId: adminId, trackingNo });

export const confirmOrder = (
  db: Database,
  { orderId, now, buyerId }: { orderId: number; now: Date; buyerId: number },
) => applyOrderEvent(db, orderId, { type: 'CONFIRM', now }, { actorId: buyerId, buyerId });
