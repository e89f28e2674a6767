import { db } from '@/db';
import { CACHE, apiJson, apiRead, parseId } from '@/lib/api/v1/respond';
import { myLotStateSchema } from '@/lib/api/v1/schemas';
import { currentUser } from '@/lib/auth/current-user';
import { now } from '@/lib/clock';
import { AppError } from '@/lib/errors';
import { getLotLive } from '@/lib/lots/get-lot-live';
import { getMyLotState } from '@/lib/lots/get-my-lot-state';
import { engineRules } from '@/lib/server/engine';

export const dynamic = 'force-dynamic';

/**
 * GET /api/v1/lots/:id/me: the caller's own standing and proxy maximum, from their session
 * only (anonymous callers get `signedIn: false`). Private and never stored by a cache.
 */
export function GET(_request: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  return apiRead(async () => {
    const lotId = parseId((await params).id);
    const found = await getLotLive({ db: db(), lotId, now: now(), rules: engineRules() });
    if (!found) throw new AppError('NOT_FOUND', 'No such lot');
    const user = await currentUser();
    const mine = await getMyLotState({ db: db(), userId: user?.id ?? null, live: found.live });
    return apiJson(myLotStateSchema, mine, CACHE.personal);
  });
}
