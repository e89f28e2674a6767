import { db } from '@/db';
import { CACHE, apiJson, apiRead, parseId } from '@/lib/api/v1/respond';
import { auctionDetailSchema } from '@/lib/api/v1/schemas';
import { auctionDetailOf } from '@/lib/api/v1/to-api';
import { getPublicAuction } from '@/lib/auctions/get-public-auction';
import { now } from '@/lib/clock';
import { AppError } from '@/lib/errors';
import { engineRules } from '@/lib/server/engine';

export const dynamic = 'force-dynamic';

/** GET /api/v1/auctions/:id: a published auction with its lots. */
export function GET(_request: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  return apiRead(async () => {
    const auctionId = parseId((await params).id);
    const auction = await getPublicAuction({ db: db(), auctionId, now: now(), rules: engineRules() });
    if (!auction) throw new AppError('NOT_FOUND', 'No such auction');
    return apiJson(auctionDetailSchema, auctionDetailOf(auction), CACHE.auction);
  });
}
