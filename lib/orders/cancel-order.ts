import 'server-only';
import { and, eq, sql } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { auctions, orders } from '@/db/schema';
import { recordAdminAudit } from '@/lib/admin/audit';
import { refundDeposits } from '@/lib/deposits/refund-deposits';
import { settleSessionDeposits } from '@/lib/deposits/settle-session-deposits';
import { cancelChargesAtProviders, closeOpenCharges, type ClosedCharge } from '@/lib/payments/close-open-charges';
import type { ProviderRegistry } from '@/lib/payments/provider';
import { applyOrderEvent } from './apply-order-event';

/**
 * CANCEL: the operator calls off an unpaid order before its payment deadline (the order
 * machine refuses it in any other state, and after dueAt the 24-hour rule decides). The
 * buyer is not at fault, so nothing is forfeited and no strike counts: the open charge is
 * given up (closed at its provider after commit), the locked coupon goes back to the
 * wallet, the lot deposit covering the order is refunded, and the buyer's session deposit
 * is refunded too unless another unpaid order in the auction still needs it. The lot stays
 * sold (the lot machine has no way back from a sale; the order carries the cancellation, and
 * it leaves the turnover, and relisting offers it again). All in one transaction with its audit entry.
 */
export async function cancelOrder({
  db,
  providers,
  orderId,
  reason,
  now,
  adminId,
  ip = null,
}: {
  db: Database;
  providers: ProviderRegistry;
  orderId: number;
  reason: string;
  now: Date;
  adminId: number;
  ip?: string | null;
}) {
  let closed: ClosedCharge[] = [];
  const status = await applyOrderEvent({
    db,
    orderId,
    event: { type: 'CANCEL', now },
    actorId: adminId,
    afterChange: async (tx, order, to) => {
      // The sale is called off, so it leaves the turnover. The auction row is locked first, so
      // the ending pass (which claims it with SKIP LOCKED) either ended it before us, and the
      // price comes off below, or runs after we commit and sums without this sale.
      await tx.select({ id: auctions.id }).from(auctions).where(eq(auctions.id, order.auctionId)).for('update');
      await tx
        .update(auctions)
        .set({ totalPrice: sql`${auctions.totalPrice} - ${order.dealPrice}` })
        .where(and(eq(auctions.id, order.auctionId), eq(auctions.status, 'ended')));
      await tx
        .update(orders)
        .set({ cancelledAt: now, cancelReason: reason })
        .where(and(eq(orders.id, orderId), eq(orders.status, to)));
      closed = await closeOpenCharges(tx, { orderIds: [orderId], now });
      const refunded = [
        ...(await refundDeposits(tx, {
          selection: { lotDepositsOfOrders: [orderId] },
          reason: 'order_cancelled',
          now,
        })),
        ...(await settleSessionDeposits(tx, {
          selection: { ownersOfOrders: [orderId] },
          reason: 'orders_settled',
          now,
        })),
      ].filter((change) => change.to === 'refunded');
      await recordAdminAudit(tx, {
        adminId,
        action: 'order.cancel',
        entity: 'order',
        entityId: orderId,
        before: { status: order.status, cancelReason: order.cancelReason },
        after: { status: to, cancelReason: reason },
        details: { reason, refundedDepositIds: refunded.map((change) => change.id), chargesClosed: closed.length },
        ip,
        at: now,
      });
    },
  });
  await cancelChargesAtProviders(providers, closed);
  return status;
}
