import { relations, sql } from 'drizzle-orm';
import { check, date, index, integer, pgEnum, pgTable, primaryKey, text, uniqueIndex } from 'drizzle-orm/pg-core';
import { fen, id, instant, timestamps } from './columns';
import { users } from './users';

export const auctionStatus = pgEnum('auction_status', ['draft', 'scheduled', 'preview', 'live', 'ended', 'cancelled']);
export const lotStatus = pgEnum('lot_status', [
  'draft',
  'scheduled',
  'preview',
  'live',
  'sold',
  'unsold',
  'paid',
  'overdue',
  'cancelled',
]);

/** A named price-band ladder (加价幅度): from `minPrice` upwards a bid must rise by `increment`. */
export const incrementLadders = pgTable('increment_ladders', {
  id: id(),
  name: text().notNull(),
  ...timestamps,
});

export const incrementLadderSteps = pgTable(
  'increment_ladder_steps',
  {
    ladderId: integer()
      .notNull()
      .references(() => incrementLadders.id, { onDelete: 'cascade' }),
    minPrice: fen().notNull(),
    increment: fen().notNull(),
    ...timestamps,
  },
  (t) => [
    primaryKey({ columns: [t.ladderId, t.minPrice] }),
    check('increment_ladder_steps_positive', sql`${t.minPrice} >= 0 and ${t.increment} > 0`),
  ],
);

export const auctions = pgTable(
  'auctions',
  {
    id: id(),
    title: text().notNull(),
    description: text().notNull().default(''),
    coverUrl: text(),
    videoUrl: text(),
    status: auctionStatus().notNull().default('draft'),
    previewStartsAt: instant().notNull(),
    previewEndsAt: instant().notNull(),
    startsAt: instant().notNull(),
    endsAt: instant().notNull(),
    /** 全场保证金: one payment that covers bidding on every lot of this auction. */
    depositAmount: fen().notNull().default(100_000),
    /** Buyer's premium in basis points of the deal price (1500 = 15%). */
    buyerPremiumBps: integer().notNull().default(0),
    /** 延时 window: a bid in a lot's last N minutes extends it; 0 turns anti-sniping off. */
    antiSnipingMinutes: integer().notNull().default(5),
    /** How far such a bid pushes the lot's end: to the bid's time + this many minutes. */
    antiSnipingExtensionMinutes: integer().notNull().default(5),
    /** The most anti-sniping may add to one lot's scheduled end, in minutes; null: no cap. */
    antiSnipingCapMinutes: integer(),
    /** Staggered closing: the lot at rank n (by position) closes n × this many seconds after `endsAt`. */
    closingIntervalSeconds: integer().notNull().default(0),
    incrementLadderId: integer().references(() => incrementLadders.id),
    /** 成交额: sum of deal prices, written when the auction ends. */
    totalPrice: fen().notNull().default(0),
    nextTransitionAt: instant(),
    publishedAt: instant(),
    endedAt: instant(),
    cancelledAt: instant(),
    createdById: integer().references(() => users.id),
    /** Bumped by every admin save: a save made from an older version is refused, not lost. */
    version: integer().notNull().default(1),
    ...timestamps,
  },
  (t) => [
    index('auctions_next_transition_idx').on(t.nextTransitionAt),
    index('auctions_status_starts_idx').on(t.status, t.startsAt),
    check(
      'auctions_schedule_order',
      sql`${t.previewStartsAt} <= ${t.previewEndsAt} and ${t.previewEndsAt} <= ${t.startsAt} and ${t.startsAt} < ${t.endsAt}`,
    ),
    check(
      'auctions_amounts_valid',
      sql`${t.depositAmount} >= 0 and ${t.buyerPremiumBps} between 0 and 10000 and ${t.antiSnipingMinutes} >= 0 and ${t.totalPrice} >= 0
        and ${t.antiSnipingExtensionMinutes} >= 0 and (${t.antiSnipingCapMinutes} is null or ${t.antiSnipingCapMinutes} >= 0)
        and ${t.closingIntervalSeconds} >= 0`,
    ),
  ],
);

export const lots = pgTable(
  'lots',
  {
    id: id(),
    auctionId: integer()
      .notNull()
      .references(() => auctions.id, { onDelete: 'cascade' }),
    position: integer().notNull().default(0),
    title: text().notNull(),
    description: text().notNull().default(''),
    coverUrl: text(),
    videoUrl: text(),
    status: lotStatus().notNull().default('draft'),
    startPrice: fen().notNull(),
    /** 保留价: hidden from buyers, who only see whether it is met. */
    reservePrice: fen(),
    /** 单品保证金; also what a session deposit loses when this lot's order goes overdue. */
    depositAmount: fen().notNull().default(20_000),
    /** 估价: the range shown to buyers; either end may be left open. */
    estimateLow: fen(),
    estimateHigh: fen(),
    currentPrice: fen(),
    bidCount: integer().notNull().default(0),
    leaderId: integer().references(() => users.id),
    /** Own closing time once anti-sniping has moved it; null means the scheduled end. */
    endsAt: instant(),
    /**
     * The close before any extension: the auction's endsAt plus this lot's staggered offset,
     * written at publish; null means the auction's endsAt. The anti-sniping cap counts from here.
     */
    scheduledEndsAt: instant(),
    dealPrice: fen(),
    winnerId: integer().references(() => users.id),
    closedAt: instant(),
    nextTransitionAt: instant(),
    /** 围观: distinct visitors per day, counted through `lot_views`. */
    viewCount: integer().notNull().default(0),
    /** Bumped by every admin save, like `auctions.version`. */
    version: integer().notNull().default(1),
    ...timestamps,
  },
  (t) => [
    index('lots_auction_idx').on(t.auctionId, t.position),
    index('lots_next_transition_idx').on(t.nextTransitionAt),
    check(
      'lots_amounts_valid',
      sql`${t.startPrice} >= 0 and ${t.depositAmount} >= 0 and (${t.reservePrice} is null or ${t.reservePrice} >= 0) and ${t.bidCount} >= 0
        and ${t.viewCount} >= 0 and (${t.estimateLow} is null or ${t.estimateHigh} is null or ${t.estimateLow} <= ${t.estimateHigh})`,
    ),
  ],
);

/** One row per visitor (a user id or an anonymous cookie) per lot per day in APP_TIME_ZONE. */
export const lotViews = pgTable(
  'lot_views',
  {
    lotId: integer()
      .notNull()
      .references(() => lots.id, { onDelete: 'cascade' }),
    visitor: text().notNull(),
    day: date({ mode: 'string' }).notNull(),
    ...timestamps,
  },
  (t) => [primaryKey({ columns: [t.lotId, t.visitor, t.day] })],
);

export const lotImages = pgTable(
  'lot_images',
  {
    id: id(),
    lotId: integer()
      .notNull()
      .references(() => lots.id, { onDelete: 'cascade' }),
    url: text().notNull(),
    position: integer().notNull().default(0),
    ...timestamps,
  },
  (t) => [uniqueIndex('lot_images_lot_position_key').on(t.lotId, t.position)],
);

export const incrementLaddersRelations = relations(incrementLadders, ({ many }) => ({
  steps: many(incrementLadderSteps),
}));

export const incrementLadderStepsRelations = relations(incrementLadderSteps, ({ one }) => ({
  ladder: one(incrementLadders, { fields: [incrementLadderSteps.ladderId], references: [incrementLadders.id] }),
}));

export const auctionsRelations = relations(auctions, ({ one, many }) => ({
  lots: many(lots),
  incrementLadder: one(incrementLadders, { fields: [auctions.incrementLadderId], references: [incrementLadders.id] }),
  createdBy: one(users, { fields: [auctions.createdById], references: [users.id] }),
}));

export const lotsRelations = relations(lots, ({ one, many }) => ({
  auction: one(auctions, { fields: [lots.auctionId], references: [auctions.id] }),
  images: many(lotImages),
  leader: one(users, { fields: [lots.leaderId], references: [users.id], relationName: 'lotLeader' }),
  winner: one(users, { fields: [lots.winnerId], references: [users.id], relationName: 'lotWinner' }),
}));

export const lotImagesRelations = relations(lotImages, ({ one }) => ({
  lot: one(lots, { fields: [lotImages.lotId], references: [lots.id] }),
}));

export type Auction = typeof auctions.$inferSelect;
export type NewAuction = typeof auctions.$inferInsert;
export type AuctionStatus = (typeof auctionStatus.enumValues)[number];
export type Lot = typeof lots.$inferSelect;
export type NewLot = typeof lots.$inferInsert;
export type LotStatus = (typeof lotStatus.enumValues)[number];
export type LotImage = typeof lotImages.$inferSelect;
export type IncrementLadderStep = typeof incrementLadderSteps.$inferSelect;
