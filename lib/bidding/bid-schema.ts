import { z } from 'zod';
import { MAX_PRICE_FEN, parseYuan } from '@/lib/money';
import { recordIdText } from '@/lib/validation/record-id';
import { boundedText } from '@/lib/validation/text';

/** A ¥ amount as a person types it ("1,050", "￥1050.5"); the action turns it into fen. */
export const yuanText = boundedText({ max: 24 })
  .refine((value) => {
    const fen = parseYuan(value);
    return fen !== null && fen > 0;
  }, 'lotPage.amountInvalid')
  .refine((value) => (parseYuan(value) ?? 0) <= MAX_PRICE_FEN, 'bid.tooHigh');

export const placeBidSchema = z.object({ lotId: recordIdText, amount: yuanText });
export const setProxyBidSchema = z.object({ lotId: recordIdText, maxAmount: yuanText });
export const lotViewSchema = z.object({ lotId: recordIdText });
/** A session deposit (no lotId) or a lot's deposit. */
export const payDepositSchema = z.object({ auctionId: recordIdText, lotId: recordIdText.optional() });

export type PlaceBidInput = z.input<typeof placeBidSchema>;
export type SetProxyBidInput = z.input<typeof setProxyBidSchema>;
export type PayDepositInput = z.input<typeof payDepositSchema>;
