import { z } from 'zod';
import { MAX_PAGE } from '@/lib/pagination';
import { AUCTION_GROUP_NAMES } from './groups';

/** ?page= of any list the API answers a page at a time. */
export const pageQuerySchema = z.object({
  page: z.coerce.number().int().min(1).max(MAX_PAGE).default(1),
});

/** A request's query with the first value of each repeated parameter, as the pages read it. */
export function queryOf(request: Request): Record<string, string> {
  const params = new URL(request.url).searchParams;
  return Object.fromEntries([...new Set(params.keys())].map((key) => [key, params.get(key)!]));
}

/** GET /api/v1/auctions query: a group (all published auctions when absent) and a page. */
export const auctionListQuerySchema = pageQuerySchema.extend({
  group: z.enum(AUCTION_GROUP_NAMES).optional(),
});
