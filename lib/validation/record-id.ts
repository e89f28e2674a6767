import { z } from 'zod';

/** A database id as a form or URL carries it: a positive int4, as text or number. */
export const recordId = z.coerce
  .number('validation.invalid')
  .int('validation.invalid')
  .positive('validation.invalid')
  .max(2_147_483_647, 'validation.invalid');
