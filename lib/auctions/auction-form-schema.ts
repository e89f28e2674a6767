import { z } from 'zod';
import { optionalMediaUrlField } from '@/lib/uploads/upload-rules';
import { percentBpsField, wholeNumberField, yuanField } from '@/lib/validation/form-numbers';
import { boundedText } from '@/lib/validation/text';
import { zonedDateTimeField } from '@/lib/time/zoned-input';
import { recordId } from '@/lib/validation/record-id';

const M = 'adminAuctions.validation';

/** One band of the increment ladder as typed: from `minPrice` (¥) upwards bids rise by `increment` (¥). */
const ladderStep = z.object({ minPrice: yuanField(), increment: yuanField({ min: 1 }) });

const scheduleFields = ['previewStartsAt', 'previewEndsAt', 'startsAt', 'endsAt'] as const;

/**
 * The auction form, shared by the browser (react-hook-form) and the create/update actions.
 * Every input is text as typed; the output is fen, basis points, minutes and instants.
 * Times are read on the wall clock of `timeZone` (APP_TIME_ZONE), so the page passes it in.
 * design.md's order is checked here: preview start ≤ preview end ≤ start < end.
 */
export function auctionFormSchema(timeZone: string) {
  const time = zonedDateTimeField(timeZone);
  return z
    .object({
      title: boundedText({ max: 120 }).min(1, `${M}.titleRequired`),
      description: boundedText({ max: 5_000, multiline: true }),
      coverUrl: optionalMediaUrlField,
      videoUrl: optionalMediaUrlField,
      previewStartsAt: time,
      previewEndsAt: time,
      startsAt: time,
      endsAt: time,
      depositAmount: yuanField({ min: 1 }),
      buyerPremiumPercent: percentBpsField(),
      antiSnipingMinutes: wholeNumberField({ min: 0, max: 1_440 }),
      antiSnipingExtensionMinutes: wholeNumberField({ min: 0, max: 1_440 }),
      antiSnipingCapMinutes: z.union([z.literal('').transform(() => null), wholeNumberField({ min: 0, max: 10_080 })]),
      closingIntervalSeconds: wholeNumberField({ min: 0, max: 86_400 }),
      ladder: z.array(ladderStep, `${M}.ladderRequired`).min(1, `${M}.ladderRequired`).max(20, `${M}.ladderTooLong`),
    })
    .superRefine((value, context) => {
      const [previewStartsAt, previewEndsAt, startsAt, endsAt] = scheduleFields.map((field) => value[field]);
      if (previewEndsAt! < previewStartsAt!)
        context.addIssue({ code: 'custom', path: ['previewEndsAt'], message: `${M}.previewEndsBeforeStart` });
      if (startsAt! < previewEndsAt!)
        context.addIssue({ code: 'custom', path: ['startsAt'], message: `${M}.startsBeforePreviewEnds` });
      if (endsAt! <= startsAt!) context.addIssue({ code: 'custom', path: ['endsAt'], message: `${M}.endsBeforeStart` });
      value.ladder.forEach((step, index) => {
        if (index === 0 ? step.minPrice !== 0 : step.minPrice <= value.ladder[index - 1]!.minPrice)
          context.addIssue({
            code: 'custom',
            path: ['ladder', index, 'minPrice'],
            message: index === 0 ? `${M}.ladderFirstFromZero` : `${M}.ladderAscending`,
          });
      });
    });
}

/** An edit: the same form plus which auction and the version the operator loaded. */
export function updateAuctionSchema(timeZone: string) {
  return z.intersection(
    auctionFormSchema(timeZone),
    z.object({
      auctionId: recordId,
      version: recordId,
    }),
  );
}

export type AuctionFormInput = z.input<ReturnType<typeof auctionFormSchema>>;
export type AuctionFormData = z.output<ReturnType<typeof auctionFormSchema>>;
export type UpdateAuctionInput = z.input<ReturnType<typeof updateAuctionSchema>>;
export type UpdateAuctionData = z.output<ReturnType<typeof updateAuctionSchema>>;

/** "Extend the end" of a live auction: a later end, from the version the operator saw. */
export function extendAuctionEndSchema(timeZone: string) {
  return z.object({
    auctionId: recordId,
    version: recordId,
    endsAt: zonedDateTimeField(timeZone),
  });
}

export type ExtendAuctionEndInput = z.input<ReturnType<typeof extendAuctionEndSchema>>;

/** Publish, cancel, and other operations on one auction by id. */
export const auctionIdSchema = z.object({
  auctionId: recordId,
});
