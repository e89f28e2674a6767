import { z } from 'zod';
import { fixedClock, now, setClock, shiftedClock } from '@/lib/clock';
import { env } from '@/lib/env';
import { AppError } from '@/lib/errors';
import { bearerMatches } from '@/lib/server/bearer';
import { jsonError } from '@/lib/server/json-error';

export const dynamic = 'force-dynamic';

const command = z.union([
  z.object({
    advanceMs: z
      .number()
      .int()
      .min(0)
      .max(400 * 86_400_000),
  }),
  z.object({ freezeAt: z.iso.datetime() }),
  z.object({ reset: z.literal(true) }),
]);

/**
 * End-to-end tests move the server's clock here, so an auction goes from preview to the
 * 24-hour rule in seconds. It exists only when the server was started with
 * GAVEL_TEST_MODE=1 (refused on Vercel at start-up); otherwise it is a plain 404.
 */
function guard(request: Request) {
  if (env().GAVEL_TEST_MODE !== '1') throw new AppError('NOT_FOUND', 'Not found');
  if (!bearerMatches(request.headers.get('authorization'), env().CRON_SECRET))
    throw new AppError('UNAUTHENTICATED', 'Send Authorization: Bearer $CRON_SECRET');
}

const state = globalThis as typeof globalThis & { gavelClockOffsetMs?: number };

export async function GET(request: Request) {
  try {
    guard(request);
    return Response.json({ now: now().toISOString() });
  } catch (error) {
    return jsonError(error);
  }
}

export async function POST(request: Request) {
  try {
    guard(request);
    const parsed = command.safeParse(await request.json().catch(() => null));
    if (!parsed.success)
      throw new AppError('VALIDATION', 'Send {"advanceMs": n}, {"freezeAt": ISO time} or {"reset": true}');
    const body = parsed.data;
    if ('advanceMs' in body) {
      state.gavelClockOffsetMs = (state.gavelClockOffsetMs ?? 0) + body.advanceMs;
      setClock(shiftedClock(state.gavelClockOffsetMs));
    } else if ('freezeAt' in body) {
      setClock(fixedClock(new Date(body.freezeAt)));
    } else {
      state.gavelClockOffsetMs = 0;
      setClock(shiftedClock(0));
    }
    return Response.json({ now: now().toISOString() });
  } catch (error) {
    return jsonError(error);
  }
}
