'use server';

import { adminAction } from '@/lib/actions/safe-action';
import { cancelOrderSchema, shipOrderSchema } from '@/lib/admin/order-schemas';
import { cancelOrder } from '@/lib/orders/cancel-order';
import { shipOrder } from '@/lib/orders/ship-order';
import { paymentProvider } from '@/lib/server/engine';

/** 发货: a paid order gets its carrier and tracking number. */
export const shipOrderAction = adminAction(shipOrderSchema, async ({ orderId, carrier, trackingNo }, ctx) => {
  const status = await shipOrder({
    db: ctx.db,
    orderId,
    carrier,
    trackingNo,
    now: ctx.now,
    adminId: ctx.user.id,
    ip: ctx.ip,
  });
  return { status };
});

/** 取消订单: an unpaid order before its deadline; its deposits go back (see lib/orders/cancel-order.ts). */
export const cancelOrderAction = adminAction(cancelOrderSchema, async ({ orderId, reason }, ctx) => {
  const status = await cancelOrder({
    db: ctx.db,
    providers: paymentProvider,
    orderId,
    reason,
    now: ctx.now,
    adminId: ctx.user.id,
    ip: ctx.ip,
  });
  return { status };
});
