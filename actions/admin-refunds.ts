'use server';

import { adminAction } from '@/lib/actions/safe-action';
import { manualRefundSchema, retryRefundSchema } from '@/lib/admin/refund-schemas';
import { manualRefund } from '@/lib/deposits/manual-refund';
import { retryFailedRefund } from '@/lib/outbox/retry-failed-refund';

/** 手动退款: a held or frozen deposit's balance goes back, with the operator's reason. */
export const manualRefundAction = adminAction(manualRefundSchema, async ({ depositId, reason }, ctx) => {
  return manualRefund({ db: ctx.db, depositId, reason, now: ctx.now, adminId: ctx.user.id, ip: ctx.ip });
});

/** 重试退款: a refund the outbox gave up on goes back in the queue. */
export const retryRefundAction = adminAction(retryRefundSchema, async ({ refundId }, ctx) => {
  return retryFailedRefund({ db: ctx.db, refundId, now: ctx.now, adminId: ctx.user.id, ip: ctx.ip });
});
