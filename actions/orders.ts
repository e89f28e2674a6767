'use server';

import { buyerAction } from '@/lib/actions/safe-action';
import { confirmOrder } from '@/lib/orders/confirm-order';
import { payMyOrder } from '@/lib/orders/pay-my-order';
import { orderIdSchema, payOrderSchema } from '@/lib/orders/pay-order-schema';
import { paymentProvider } from '@/lib/server/engine';

/**
 * Pays a won lot's order. The answer is either "paid" (the coupon covered it all) or the
 * charge for the checkout; the order changes status only when the provider's notice comes.
 */
export const payOrderAction = buyerAction(payOrderSchema, async (input, { user, db, now }) => {
  const started = await payMyOrder({ db, provider: paymentProvider(), userId: user.id, input, now });
  return started.paid
    ? { paid: true as const }
    : { paid: false as const, charge: { reference: started.reference, payUrl: started.payUrl } };
});

/** The buyer says their shipped order arrived. */
export const confirmReceiptAction = buyerAction(orderIdSchema, async ({ orderId }, { user, db, now }) => {
  await confirmOrder({ db, orderId, now, buyerId: user.id });
  return { orderId };
});
