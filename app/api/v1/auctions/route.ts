import { db } from '@/db';
import { CACHE, apiJson, apiRead } from '@/lib/api/v1/respond';
import { auctionListQuerySchema, queryOf } from '@/lib/api/v1/list-query';
import { auctionPageSchema } from '@/lib/api/v1/schemas';
import { auctionSummaryOf } from '@/lib/api/v1/to-api';
import { listAuctionGroup } from '@/lib/auctions/list-auction-group';
import { listPublicAuctions } from '@/lib/auctions/list-public-auctions';
import { now } from '@/lib/clock';
import { AppError } from '@/lib/errors';
import { MAX_PAGE, pageRequest } from '@/lib/pagination';

export const dynamic = 'force-dynamic';
const PAGE_SIZE = 20;

/** GET /api/v1/auctions?group=live&page=1: published auctions, a page at a time. */
export function GET(request: Request): Promise<Response> {
  return apiRead(async () => {
    const query = auctionListQuerySchema.safeParse(queryOf(request));
    if (!query.success)
      throw new AppError('VALIDATION', `group must be live, preview, upcoming or ended; page from 1 to ${MAX_PAGE}`);
    const page = pageRequest(query.data.page, PAGE_SIZE);
    const at = now();
    const result = query.data.group
      ? await listAuctionGroup({ db: db(), group: query.data.group, page, now: at })
      : await listPublicAuctions({ db: db(), page, now: at });
    return apiJson(auctionPageSchema, { ...result, items: result.items.map(auctionSummaryOf) }, CACHE.list);
  });
}
