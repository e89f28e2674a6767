import { z } from 'zod';
import { AUCTION_GROUP_NAMES } from './groups';

/** GET /api/v1/auctions query: a group (all published auctions when absent) and a page. */
export const auctionListQuerySchema = z.object({
  group: z.enum(AUCTION_GROUP_NAMES).optional(),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
});
