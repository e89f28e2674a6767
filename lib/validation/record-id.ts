import { z } from 'zod';

const MAX_INT4 = 2_147_483_647;

/** A database id as a typed caller sends it: a positive int4 number, never a string or a float. */
export const recordId = z
  .number('validation.invalid')
  .int('validation.invalid')
  .positive('validation.invalid')
  .max(MAX_INT4, 'validation.invalid');

/** A database id as a form field, a query parameter or a URL segment carries it: digits as text. */
export const recordIdText = z
  .string('validation.invalid')
  .regex(/^\d{1,10}$/, 'validation.invalid')
  .transform(Number)
  .pipe(recordId)
  .or(recordId);

/** A record id from a URL segment, or null for anything that is not one (the page answers 404). */
export function routeId(raw: string): number | null {
  const parsed = recordIdText.safeParse(raw);
  return parsed.success ? parsed.data : null;
}
