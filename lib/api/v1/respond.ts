import 'server-only';
import type { z } from 'zod';
import { AppError } from '@/lib/errors';
import { jsonError } from '@/lib/server/json-error';
import { idParamSchema } from './schemas';

/**
 * Cache policies: lists change rarely, a live lot every bid (a shared cache may keep it one
 * second and never serves it stale past that), a caller's own state is theirs alone, and the
 * server's time is never cached anywhere (a cached clock is a wrong clock).
 */
export const CACHE = {
  list: 'public, max-age=0, s-maxage=30, stale-while-revalidate=60',
  auction: 'public, max-age=0, s-maxage=5, stale-while-revalidate=10',
  live: 'public, max-age=0, s-maxage=1',
  document: 'public, max-age=300, s-maxage=3600',
  personal: 'private, no-store',
  clock: 'no-store',
} as const;

/** Shapes the body with the route's schema (the one the OpenAPI document is made from). */
export function apiJson<S extends z.ZodType>(schema: S, data: z.input<S>, cacheControl: string): Response {
  return Response.json(schema.parse(data), { headers: { 'cache-control': cacheControl } });
}

/** A path id, or a 400 the caller can read. */
export function parseId(raw: string): number {
  const parsed = idParamSchema.safeParse(raw);
  if (!parsed.success) throw new AppError('VALIDATION', 'The id must be a positive integer');
  return parsed.data;
}

/** Runs a read; refusals become JSON with their status, never cached. */
export async function apiRead(read: () => Promise<Response>): Promise<Response> {
  try {
    return await read();
  } catch (error) {
    const response = jsonError(error);
    response.headers.set('cache-control', 'no-store');
    return response;
  }
}
