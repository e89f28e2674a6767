import { z } from 'zod';
import { lotPricesSchema } from '@/lib/lots/lot-form-schema';
import { auctionFormSchema } from './auction-form-schema';
import { recordId } from '@/lib/validation/record-id';

/**
 * 二拍: the auction form for the new draft, and new prices for each unsold or overdue lot
 * carried over (a lot left out is not relisted). Shared by the relist page and its action.
 */
export function relistAuctionSchema(timeZone: string) {
  return z.object({
    sourceAuctionId: recordId,
    auction: auctionFormSchema(timeZone),
    lots: z.array(lotPricesSchema).min(1, 'adminAuctions.validation.relistNoLots').max(500, 'validation.invalid'),
  });
}

export type RelistAuctionInput = z.input<ReturnType<typeof relistAuctionSchema>>;
export type RelistAuctionData = z.output<ReturnType<typeof relistAuctionSchema>>;
