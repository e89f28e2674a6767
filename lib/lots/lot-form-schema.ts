import { z } from 'zod';
import { mediaUrlField, optionalMediaUrlField } from '@/lib/uploads/upload-rules';
import { optionalYuanField, yuanField } from '@/lib/validation/form-numbers';
import { boundedText } from '@/lib/validation/text';
import { recordId } from '@/lib/validation/record-id';

const M = 'adminAuctions.validation';

/** A lot's prices as typed (¥ text → fen); also the part of the relist form each lot repeats. */
export const lotPriceFields = {
  startPrice: yuanField(),
  reservePrice: optionalYuanField(),
  depositAmount: yuanField({ min: 1 }),
  estimateLow: optionalYuanField(),
  estimateHigh: optionalYuanField(),
};

type PriceOutput = { estimateLow: number | null; estimateHigh: number | null };
const estimateInOrder = (value: PriceOutput) =>
  value.estimateLow === null || value.estimateHigh === null || value.estimateLow <= value.estimateHigh;
const estimateRule = { path: ['estimateHigh'], message: `${M}.estimateOrder` };

export const lotPricesSchema = z.object({ lotId: recordId, ...lotPriceFields }).refine(estimateInOrder, estimateRule);

/** The lot form, shared by the browser and the create/update actions. Messages are i18n keys. */
export const lotFormFields = {
  title: boundedText({ max: 120 }).min(1, `${M}.titleRequired`),
  description: boundedText({ max: 5_000, multiline: true }),
  coverUrl: optionalMediaUrlField,
  images: z.array(mediaUrlField).max(12, `${M}.tooManyImages`),
  ...lotPriceFields,
};

/** The fields the operator edits, as the form validates them; the actions add which lot. */
export const lotFieldsSchema = z.object(lotFormFields).refine(estimateInOrder, estimateRule);
export type LotFieldsInput = z.input<typeof lotFieldsSchema>;
export type LotFieldsData = z.output<typeof lotFieldsSchema>;

export const createLotSchema = z
  .object({ auctionId: recordId, ...lotFormFields })
  .refine(estimateInOrder, estimateRule);
export const updateLotSchema = z
  .object({ lotId: recordId, version: recordId, ...lotFormFields })
  .refine(estimateInOrder, estimateRule);

export type CreateLotInput = z.input<typeof createLotSchema>;
export type CreateLotData = z.output<typeof createLotSchema>;
export type UpdateLotInput = z.input<typeof updateLotSchema>;
export type UpdateLotData = z.output<typeof updateLotSchema>;

export const reorderLotsSchema = z.object({
  auctionId: recordId,
  lotIds: z.array(recordId).min(1, 'validation.invalid').max(500, 'validation.invalid'),
});
export const removeLotSchema = z.object({ lotId: recordId });
