import { z } from 'zod';
import { auctionStatus } from '@/db/schema/auctions';

export const AUCTION_SORTS = ['startsDesc', 'startsAsc', 'endsDesc', 'title', 'turnover'] as const;

/** The admin auction list's query string; anything unknown falls back to the default, never an error. */
export const auctionListFilterSchema = z.object({
  status: z.enum(auctionStatus.enumValues).optional().catch(undefined),
  q: z.string().trim().max(100).optional().catch(undefined),
  sort: z.enum(AUCTION_SORTS).default('startsDesc').catch('startsDesc'),
});

export type AuctionListFilter = z.output<typeof auctionListFilterSchema>;

export function auctionListFilter(searchParams: Record<string, string | string[] | undefined>): AuctionListFilter {
  const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value) || undefined;
  return auctionListFilterSchema.parse({
    status: first(searchParams.status),
    q: first(searchParams.q),
    sort: first(searchParams.sort),
  });
}
