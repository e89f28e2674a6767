import { db } from '@/db';
import { pageQuerySchema, queryOf } from '@/lib/api/v1/list-query';
import { CACHE, apiJson, apiRead, parseId } from '@/lib/api/v1/respond';
import { auctionDetailSchema } from '@/lib/api/v1/schemas';
import { auctionDetailOf } from '@/lib/api/v1/to-api';
import { AUCTION_LOTS_PAGE_SIZE, getPublicAuction } from '@/lib/auctions/get-public-auction';
import { now } from '@/lib/clock';
import { AppError } from '@/lib/errors';
import { MAX_PAGE, pageRequest } from '@/lib/pagination';
import { engineRules } from '@/lib/server/engine';

export const dynamic = 'force-dynamic';

/** GET /api/v1/auctions/:id?page=1: a published auction with a page of its lots. */
export function GET(request: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  return apiRead(async () => {
    const auctionId = parseId((await params).id);
    const query = pageQuerySchema.safeParse(queryOf(request));
    if (!query.success) throw new AppError('VALIDATION', `page must be a whole number from 1 to ${MAX_PAGE}`);
    const auction = await getPublicAuction({
      db: db(),
      auctionId,
      now: now(),
      rules: engineRules(),
      lotPage: pageRequest(query.data.page, AUCTION_LOTS_PAGE_SIZE),
    });
    if (!auction) throw new AppError('NOT_FOUND', 'No such auction');
    return apiJson(auctionDetailSchema, auctionDetailOf(auction), CACHE.auction);
  });
}
