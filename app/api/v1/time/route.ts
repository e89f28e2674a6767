import { CACHE, apiJson } from '@/lib/api/v1/respond';
import { serverTimeSchema } from '@/lib/api/v1/schemas';
import { now } from '@/lib/clock';

export const dynamic = 'force-dynamic';

/** GET /api/v1/time: the server's clock, for countdowns (components/time/server-clock.ts); never cached. */
export function GET(): Response {
  return apiJson(serverTimeSchema, { now: now().toISOString() }, CACHE.clock);
}
