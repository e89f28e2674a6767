import { now } from '@/lib/clock';
import { env } from '@/lib/env';
import { AppError } from '@/lib/errors';
import { bearerMatches } from '@/lib/server/bearer';
import { tickApp } from '@/lib/server/engine';
import { jsonError } from '@/lib/server/json-error';

export const dynamic = 'force-dynamic';
/** Vercel stops the function here; the tick stops starting batches well before. */
export const maxDuration = 60;
const TICK_BUDGET_MS = 40_000;

/** The cron entry point (Vercel sends GET; anything else may POST). */
async function tick(request: Request): Promise<Response> {
  try {
    // env() refuses to load without CRON_SECRET outside development: fail closed.
    if (!bearerMatches(request.headers.get('authorization'), env().CRON_SECRET)) {
      throw new AppError('UNAUTHENTICATED', 'Send Authorization: Bearer $CRON_SECRET');
    }
    return Response.json(await tickApp(now(), TICK_BUDGET_MS));
  } catch (error) {
    return jsonError(error);
  }
}

export { tick as GET, tick as POST };
