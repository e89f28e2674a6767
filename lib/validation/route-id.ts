import { z } from 'zod';

const idSchema = z.coerce.number().int().positive().max(2_147_483_647);

/** A record id from a URL segment, or null for anything that is not one (the page answers 404). */
export function routeId(raw: string): number | null {
  const parsed = idSchema.safeParse(/^\d+$/.test(raw) ? raw : NaN);
  return parsed.success ? parsed.data : null;
}
