import { z } from 'zod';
import { AUCTION_GROUP_NAMES } from './groups';

/** ?page= of any list the API answers a page at a time. */
export const pageQuerySchema = z.object({
  page: z.coerce.number().int().min(1).max(100_000).default(1),
});

/** GET /api/v1/auctions query: a group (all published auctions when absent) and a page. */
export const auctionListQuerySchema = pageQuerySchema.extend({
  group: z.enum(AUCTION_GROUP_NAMES).optional(),
});
