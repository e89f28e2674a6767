import { relations, sql } from 'drizzle-orm';
import { bigint, boolean, check, index, integer, pgTable, uniqueIndex } from 'drizzle-orm/pg-core';
import { fen, id, instant, timestamps } from './columns';
import { lots } from './auctions';
import { users } from './users';

/** 出价: immutable once accepted. */
export const bids = pgTable(
  'bids',
  {
    id: bigint({ mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    lotId: integer()
      .notNull()
      .references(() => lots.id, { onDelete: 'cascade' }),
    userId: integer()
      .notNull()
      .references(() => users.id),
    amount: fen().notNull(),
    /** Placed by the system on behalf of a proxy maximum (代理出价). */
    isProxy: boolean().notNull().default(false),
    placedAt: instant().notNull(),
    ...timestamps,
  },
  (t) => [
    // Every accepted bid beats the previous by at least one increment, so two accepted
    // bids on one lot can never share an amount: a duplicate is a lost race, refused here.
    uniqueIndex('bids_lot_amount_key').on(t.lotId, t.amount),
    index('bids_lot_placed_idx').on(t.lotId, t.placedAt),
    index('bids_user_idx').on(t.userId),
    check('bids_amount_positive', sql`${t.amount} > 0`),
  ],
);

/** 代理出价: the most a buyer lets the system bid for them on one lot. */
export const proxyBids = pgTable(
  'proxy_bids',
  {
    id: id(),
    lotId: integer()
      .notNull()
      .references(() => lots.id, { onDelete: 'cascade' }),
    userId: integer()
      .notNull()
      .references(() => users.id),
    maxAmount: fen().notNull(),
    active: boolean().notNull().default(true),
    /** When the maximum was set: between equal maxima the earlier one wins. */
    setAt: instant().notNull(),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('proxy_bids_lot_user_key').on(t.lotId, t.userId),
    check('proxy_bids_max_positive', sql`${t.maxAmount} > 0`),
  ],
);

/** 关注: lots a buyer follows. */
export const watchlist = pgTable(
  'watchlist',
  {
    userId: integer()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    lotId: integer()
      .notNull()
      .references(() => lots.id, { onDelete: 'cascade' }),
    ...timestamps,
  },
  (t) => [uniqueIndex('watchlist_user_lot_key').on(t.userId, t.lotId), index('watchlist_lot_idx').on(t.lotId)],
);

export const bidsRelations = relations(bids, ({ one }) => ({
  lot: one(lots, { fields: [bids.lotId], references: [lots.id] }),
  user: one(users, { fields: [bids.userId], references: [users.id] }),
}));

export const proxyBidsRelations = relations(proxyBids, ({ one }) => ({
  lot: one(lots, { fields: [proxyBids.lotId], references: [lots.id] }),
  user: one(users, { fields: [proxyBids.userId], references: [users.id] }),
}));

export type Bid = typeof bids.$inferSelect;
export type NewBid = typeof bids.$inferInsert;
export type ProxyBid = typeof proxyBids.$inferSelect;
