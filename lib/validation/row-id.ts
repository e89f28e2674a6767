import { z } from 'zod';

/** A row id from a caller: a positive int4, so a hostile number is refused here, not by Postgres. */
export const rowId = z.number().int().positive().max(2_147_483_647);
