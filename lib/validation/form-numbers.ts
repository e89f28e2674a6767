import { z } from 'zod';
import { MAX_PRICE_FEN, parseYuan } from '@/lib/money';

const M = 'adminAuctions.validation';

/**
 * A ¥ amount as typed ("1,000.50", "¥200"), read into fen by `parseYuan`. Form inputs stay
 * text so what the operator typed is what the schema judges, in the browser and the action.
 */
export function yuanField({ min = 0 }: { min?: number } = {}) {
  return z
    .string('validation.invalid')
    .max(40, `${M}.amountInvalid`)
    .transform((value, context) => {
      const fen = parseYuan(value);
      if (fen === null || fen < min || fen > MAX_PRICE_FEN) {
        context.addIssue({ code: 'custom', message: min > 0 ? `${M}.amountPositive` : `${M}.amountInvalid` });
        return z.NEVER;
      }
      return fen;
    });
}

/** The same, where an empty field means "none" (a reserve, an estimate). */
export function optionalYuanField() {
  return z.union([z.literal('').transform(() => null), yuanField()]);
}

/** A whole number typed in a field, between `min` and `max`. */
export function wholeNumberField({ min, max }: { min: number; max: number }) {
  return z
    .string('validation.invalid')
    .trim()
    .regex(/^\d{1,9}$/, `${M}.wholeNumber`)
    .transform(Number)
    .refine((value) => value >= min && value <= max, `${M}.outOfRange`);
}

/** A percentage with up to two decimals, read as basis points ("12.5" → 1250), at most 100%. */
export function percentBpsField() {
  return z
    .string('validation.invalid')
    .max(12, `${M}.percentInvalid`)
    .transform((value, context) => {
      // Two decimals of a percent are basis points, which is exactly what parseYuan reads as fen.
      const bps = parseYuan(value.replace(/%\s*$/, ''));
      if (bps === null || bps > 10_000) {
        context.addIssue({ code: 'custom', message: `${M}.percentInvalid` });
        return z.NEVER;
      }
      return bps;
    });
}
