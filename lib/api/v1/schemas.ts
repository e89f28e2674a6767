import { z } from 'zod';
import { auctionStatus, lotStatus } from '@/db/schema/auctions';

/**
 * The public read API's shapes. Each route parses what it sends with these before answering,
 * and /api/v1/openapi.json is generated from the same objects, so the document cannot drift
 * from the responses. Client-safe: the lot page's poller reads its types from here.
 */

/** Path ids: positive int4, anything else is a 400 rather than a database error. */
export const idParamSchema = z.coerce.number().int().positive().max(2_147_483_647);

const instant = z.iso.datetime().meta({ description: 'ISO 8601 instant (UTC)' });
const fen = z.int().min(0).meta({ description: 'Money in fen (1/100 yuan)' });

export const apiErrorSchema = z
  .object({ error: z.string(), message: z.string() })
  .meta({ id: 'Error', description: 'A refusal: the error code and a human-readable message' });

export const auctionSummarySchema = z
  .object({
    id: z.int().positive(),
    title: z.string(),
    coverUrl: z.string().nullable(),
    status: z.enum(auctionStatus.enumValues),
    previewStartsAt: instant,
    startsAt: instant,
    endsAt: instant.meta({
      description:
        'When bidding closes: its last lot’s end (staggered slots, anti-sniping), never before the auction’s own',
    }),
    depositAmount: fen,
    lotCount: z.int().min(0),
  })
  .meta({ id: 'AuctionSummary' });

/** One page of a list the API answers a page at a time (?page= picks it). */
const pageSchemaOf = <Item extends z.ZodType>(item: Item, meta: { id: string; description: string }) =>
  z.object({ items: z.array(item), page: z.int().min(1), pages: z.int().min(1), total: z.int().min(0) }).meta(meta);

export const auctionPageSchema = pageSchemaOf(auctionSummarySchema, {
  id: 'AuctionPage',
  description: 'One page of published auctions',
});

export const lotSummarySchema = z
  .object({
    id: z.int().positive(),
    title: z.string(),
    coverUrl: z.string().nullable(),
    status: z.enum(lotStatus.enumValues),
    startPrice: fen,
    currentPrice: fen.nullable(),
    dealPrice: fen.nullable(),
    depositAmount: fen,
    bidCount: z.int().min(0),
    reserveMet: z
      .boolean()
      .nullable()
      .meta({ description: 'null when the lot has no reserve; the reserve itself is never shown' }),
    endsAt: instant,
  })
  .meta({ id: 'LotSummary' });

export const lotPageSchema = pageSchemaOf(lotSummarySchema, {
  id: 'LotPage',
  description: 'One page of an auction’s lots, in catalogue order',
});

export const auctionDetailSchema = auctionSummarySchema
  .extend({
    description: z.string(),
    previewEndsAt: instant,
    buyerPremiumBps: z.int().min(0).max(10_000),
    lots: lotPageSchema,
  })
  .meta({ id: 'AuctionDetail' });

export const publicBidSchema = z
  .object({
    amount: fen,
    bidder: z.string().meta({ description: 'The bidder’s name masked (白**)' }),
    isProxy: z.boolean(),
    placedAt: instant,
  })
  .meta({ id: 'PublicBid' });

export const lotLiveSchema = z
  .object({
    id: z.int().positive(),
    auctionId: z.int().positive(),
    status: z.enum(lotStatus.enumValues),
    startPrice: fen,
    currentPrice: fen.nullable(),
    nextMinimumBid: fen.nullable().meta({ description: 'The least the next bid may be; null once bidding is over' }),
    increment: fen.meta({ description: 'The ladder’s increment at the next minimum' }),
    reserveMet: z.boolean().nullable(),
    bidCount: z.int().min(0),
    leader: z.string().nullable().meta({ description: 'The leading bidder’s name masked' }),
    startsAt: instant.meta({ description: 'When bidding opens' }),
    endsAt: instant,
    viewCount: z.int().min(0),
    recentBids: z.array(publicBidSchema),
    serverNow: instant.meta({ description: 'The server’s clock: countdowns run from it, not the device’s' }),
  })
  .meta({ id: 'LotLive' });

export const myLotStateSchema = z
  .object({
    signedIn: z.boolean(),
    state: z
      .enum(['anonymous', 'blocked', 'noDeposit', 'canBid', 'leading', 'outbid', 'won', 'lost', 'closed'])
      .meta({ description: 'blocked: the account may not bid, so it is offered neither deposits nor bids' }),
    depositCovered: z.boolean(),
    proxyMax: fen.nullable().meta({ description: 'The caller’s own proxy maximum; never anyone else’s' }),
  })
  .meta({ id: 'MyLotState' });

export const unreadCountSchema = z
  .object({ unread: z.int().min(0).meta({ description: 'The caller’s unread notifications' }) })
  .meta({ id: 'UnreadCount' });

export const serverTimeSchema = z
  .object({ now: instant.meta({ description: 'The server’s clock when it answered' }) })
  .meta({ id: 'ServerTime' });

export type AuctionSummary = z.infer<typeof auctionSummarySchema>;
export type AuctionPage = z.infer<typeof auctionPageSchema>;
export type AuctionDetail = z.infer<typeof auctionDetailSchema>;
export type LotLive = z.infer<typeof lotLiveSchema>;
export type PublicBid = z.infer<typeof publicBidSchema>;
export type MyLotState = z.infer<typeof myLotStateSchema>;
export type UnreadCount = z.infer<typeof unreadCountSchema>;
