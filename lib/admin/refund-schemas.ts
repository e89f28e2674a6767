import { z } from 'zod';
import { recordIdText } from '@/lib/validation/record-id';
import { boundedText } from '@/lib/validation/text';

/** An operator gives a deposit's remaining balance back by hand; the reason is kept in the audit log. */
export const manualRefundSchema = z.object({
  depositId: recordIdText,
  reason: boundedText({ max: 200, multiline: true, tooLong: 'adminRefunds.validation.reasonTooLong' }).min(
    1,
    'adminRefunds.validation.reasonRequired',
  ),
});
export type ManualRefundInput = z.input<typeof manualRefundSchema>;

/** Send again a refund the outbox gave up on. */
export const retryRefundSchema = z.object({ refundId: recordIdText });
export type RetryRefundInput = z.input<typeof retryRefundSchema>;
