import 'server-only';
import { and, eq, getTableColumns, sql } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { orders, payments, userCoupons, type ShippingAddress } from '@/db/schema';
import { lockCouponForOrder } from '@/lib/coupons/lock-coupon-for-order';
import { AppError } from '@/lib/errors';
import { effectiveOrderStatus } from '@/machines/order';
import { orderContextOf, orderMachineColumns } from '@/lib/orders/machine-context';
import { DEFAULT_RULES } from '@/lib/engine/rules';
import { cancelChargesAtProviders, closeOpenCharges } from './close-open-charges';
import { markOrderPaid } from './order-paid';
import { withRetry } from '@/lib/sql/retry';
import type { PaymentProvider } from './provider';

export { shippingAddressSchema } from './shipping-address';

const ADDRESS_FIELDS = ['recipient', 'phone', 'province', 'city', 'district', 'detail'] as const;
const sameAddress = (stored: ShippingAddress | null, given: ShippingAddress) =>
  stored !== null && ADDRESS_FIELDS.every((field) => stored[field] === given[field]);

export type OrderPaymentStart = { paid: true } | { paid: false; paymentId: number; reference: string; payUrl: string };

/**
 * Starts paying a buyer's own order before its due time (PAYMENT_WINDOW_CLOSED after it),
 * with a shipping address and at most one coupon from their wallet. The coupon is locked to
 * the order in the same transaction and used when the charge succeeds (given back if it
 * fails); an order the coupon covers entirely is paid at once, without a charge. The charge
 * expires at dueAt. A new attempt replaces an open one, whose charge is closed at the provider;
 * with `resumeSameChoices`, a repeat with the same address and coupon (a double tap) resumes
 * the open charge instead, decided under the order's row lock.
 */
export async function startOrderPayment({
  db,
  provider,
  userId,
  orderId,
  address,
  userCouponId,
  now,
  resumeSameChoices = false,
}: {
  db: Database;
  provider: PaymentProvider;
  userId: number;
  orderId: number;
  address: ShippingAddress;
  userCouponId: number | null;
  now: Date;
  /** A buyer's tap: an open charge for the same address and coupon is resumed rather than replaced. */
  resumeSameChoices?: boolean;
}): Promise<OrderPaymentStart> {
  // Rerun whole if it loses a deadlock to a provider's notice settling the same charge.
  const prepared = await withRetry(() =>
    db.transaction(async (tx) => {
      const [order] = await tx
        .select({ ...getTableColumns(orders), ...orderMachineColumns })
        .from(orders)
        .where(and(eq(orders.id, orderId), eq(orders.userId, userId)))
        .for('update', { of: orders });
      if (!order) throw new AppError('NOT_FOUND', 'No such order');
      if (effectiveOrderStatus(order.status, orderContextOf(order, DEFAULT_RULES), now) !== 'pending_payment') {
        throw new AppError('PAYMENT_WINDOW_CLOSED', 'This order can no longer be paid');
      }
      // A second tap with the same choices resumes the open charge instead of opening another.
      const [open] = await tx
        .select()
        .from(payments)
        .where(and(eq(payments.orderId, order.id), eq(payments.status, 'pending')));
      if (open && resumeSameChoices) {
        const [locked] = await tx
          .select({ id: userCoupons.id })
          .from(userCoupons)
          .where(and(eq(userCoupons.orderId, order.id), eq(userCoupons.status, 'locked')));
        if ((locked?.id ?? null) === userCouponId && sameAddress(order.shippingAddress, address)) {
          return { payment: open, orderNo: order.orderNo, closedCharges: [] };
        }
      }
      // A new attempt replaces an open one (its coupon comes back first).
      const closedCharges = await closeOpenCharges(tx, { orderIds: [order.id], now });
      let discount = 0;
      if (userCouponId !== null) {
        discount = await lockCouponForOrder(tx, { userId, userCouponId, order, now });
      }
      const [updated] = await tx
        .update(orders)
        .set({ couponDiscount: discount, shippingAddress: address })
        .where(eq(orders.id, order.id))
        .returning();
      if (updated!.amountDue === 0) {
        await markOrderPaid(tx, { orderId: order.id, userId, paidAt: now, now, rules: DEFAULT_RULES });
        return { payment: null, closedCharges };
      }
      const [attempts] = await tx
        .select({ n: sql<number>`count(*)::int` })
        .from(payments)
        .where(eq(payments.orderId, order.id));
      const [payment] = await tx
        .insert(payments)
        .values({
          userId,
          purpose: 'order',
          orderId: order.id,
          amount: updated!.amountDue,
          provider: provider.name,
          idempotencyKey: `order:${order.id}:${(attempts?.n ?? 0) + 1}`,
          expiresAt: order.dueAt,
        })
        .returning();
      return { payment: payment!, orderNo: order.orderNo, closedCharges };
    }),
  );
  await cancelChargesAtProviders(() => provider, prepared.closedCharges);
  if (!prepared.payment) return { paid: true };
  const charge = await provider.createCharge({
    idempotencyKey: prepared.payment.idempotencyKey,
    amount: prepared.payment.amount,
    description: `订单 ${prepared.orderNo}`,
    expiresAt: prepared.payment.expiresAt!,
  });
  await db.update(payments).set({ providerRef: charge.reference }).where(eq(payments.id, prepared.payment.id));
  return { paid: false, paymentId: prepared.payment.id, reference: charge.reference, payUrl: charge.payUrl };
}
