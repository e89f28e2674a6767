import { z } from 'zod';
import { parseYuan } from '@/lib/money';
import { boundedText } from '@/lib/validation/text';

/** Record ids from a form or a caller: positive int4, else refused before any query. */
export const recordId = z.coerce
  .number('validation.invalid')
  .int('validation.invalid')
  .positive('validation.invalid')
  .max(2_147_483_647, 'validation.invalid');

/** A ¥ amount as a person types it ("1,050", "￥1050.5"); the action turns it into fen. */
export const yuanText = boundedText({ max: 24 }).refine((value) => {
  const fen = parseYuan(value);
  return fen !== null && fen > 0;
}, 'lotPage.amountInvalid');

export const placeBidSchema = z.object({ lotId: recordId, amount: yuanText });
export const setProxyBidSchema = z.object({ lotId: recordId, maxAmount: yuanText });
export const lotViewSchema = z.object({ lotId: recordId });
/** A session deposit (no lotId) or a lot's deposit. */
export const payDepositSchema = z.object({ auctionId: recordId, lotId: recordId.optional() });

export type PlaceBidInput = z.input<typeof placeBidSchema>;
export type SetProxyBidInput = z.input<typeof setProxyBidSchema>;
export type PayDepositInput = z.input<typeof payDepositSchema>;
