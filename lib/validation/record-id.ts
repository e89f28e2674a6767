import { z } from 'zod';

/** A database id as a caller may send one: a positive int4, never a string or a float. */
export const recordIdSchema = z.number('validation.invalid').int().positive().max(2_147_483_647);
