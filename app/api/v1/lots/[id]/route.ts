import { db } from '@/db';
import { CACHE, apiJson, apiRead, parseId } from '@/lib/api/v1/respond';
import { lotLiveSchema } from '@/lib/api/v1/schemas';
import { now } from '@/lib/clock';
import { AppError } from '@/lib/errors';
import { getLotLive } from '@/lib/lots/get-lot-live';
import { engineRules } from '@/lib/server/engine';

export const dynamic = 'force-dynamic';

/** GET /api/v1/lots/:id: a lot's live state, the same for everyone; the lot page polls it. */
export function GET(_request: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  return apiRead(async () => {
    const lotId = parseId((await params).id);
    const found = await getLotLive({ db: db(), lotId, now: now(), rules: engineRules() });
    if (!found) throw new AppError('NOT_FOUND', 'No such lot');
    return apiJson(lotLiveSchema, found.live, CACHE.live);
  });
}
