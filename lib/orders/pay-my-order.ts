import 'server-only';
import { and, eq } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { addresses } from '@/db/schema';
import { AppError } from '@/lib/errors';
import { startOrderPayment, type OrderPaymentStart } from '@/lib/payments/order-payment';
import type { PaymentProvider } from '@/lib/payments/provider';
import type { PayOrderInput } from './pay-order-schema';

/**
 * Pays the buyer's own order to an address of their own book (NOT_FOUND for anyone else's
 * address or order), copying the address onto the order as it is now: later edits of the
 * book leave the order's address alone. A second tap with the same choices resumes the
 * charge the first one opened, so it never opens a second.
 */
export async function payMyOrder({
  db,
  provider,
  userId,
  input,
  now,
}: {
  db: Database;
  provider: PaymentProvider;
  userId: number;
  input: PayOrderInput;
  now: Date;
}): Promise<OrderPaymentStart> {
  const [address] = await db
    .select({
      recipient: addresses.recipient,
      phone: addresses.phone,
      province: addresses.province,
      city: addresses.city,
      district: addresses.district,
      detail: addresses.detail,
    })
    .from(addresses)
    .where(and(eq(addresses.id, input.addressId), eq(addresses.userId, userId)));
  if (!address) throw new AppError('NOT_FOUND', 'No such address');
  return startOrderPayment({
    db,
    provider,
    userId,
    orderId: input.orderId,
    address,
    userCouponId: input.userCouponId,
    now,
    resumeSameChoices: true,
  });
}
