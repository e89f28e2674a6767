import { relations, sql } from 'drizzle-orm';
import { check, index, integer, pgEnum, pgTable, text, uniqueIndex } from 'drizzle-orm/pg-core';
import { fen, id, instant, timestamps } from './columns';
import { auctions } from './auctions';
import { orders } from './commerce';
import { users } from './users';

export const couponStatus = pgEnum('coupon_status', ['active', 'disabled']);
export const userCouponStatus = pgEnum('user_coupon_status', ['available', 'locked', 'used']);
export const userCouponSource = pgEnum('user_coupon_source', ['claim', 'grant']);

/** 优惠券 (满减): `discount` off an order of at least `threshold`. */
export const coupons = pgTable(
  'coupons',
  {
    id: id(),
    title: text().notNull(),
    threshold: fen().notNull().default(0),
    discount: fen().notNull(),
    validFrom: instant().notNull(),
    validUntil: instant().notNull(),
    totalQuantity: integer().notNull(),
    issuedCount: integer().notNull().default(0),
    perUserLimit: integer().notNull().default(1),
    /** Null: usable in every auction. */
    auctionId: integer().references(() => auctions.id),
    status: couponStatus().notNull().default('active'),
    ...timestamps,
  },
  (t) => [
    check(
      'coupons_valid',
      sql`${t.discount} > 0 and ${t.threshold} >= 0 and ${t.validFrom} < ${t.validUntil}
        and ${t.perUserLimit} > 0 and ${t.issuedCount} between 0 and ${t.totalQuantity}`,
    ),
  ],
);

/** A coupon in a buyer's wallet; `locked` while a payment using it is in flight. */
export const userCoupons = pgTable(
  'user_coupons',
  {
    id: id(),
    couponId: integer()
      .notNull()
      .references(() => coupons.id),
    userId: integer()
      .notNull()
      .references(() => users.id),
    status: userCouponStatus().notNull().default('available'),
    source: userCouponSource().notNull(),
    orderId: integer().references(() => orders.id),
    usedAt: instant(),
    ...timestamps,
  },
  (t) => [
    index('user_coupons_user_idx').on(t.userId, t.status),
    index('user_coupons_coupon_user_idx').on(t.couponId, t.userId),
    // One coupon per order.
    uniqueIndex('user_coupons_one_per_order').on(t.orderId),
  ],
);

export const couponsRelations = relations(coupons, ({ one, many }) => ({
  auction: one(auctions, { fields: [coupons.auctionId], references: [auctions.id] }),
  userCoupons: many(userCoupons),
}));

export const userCouponsRelations = relations(userCoupons, ({ one }) => ({
  coupon: one(coupons, { fields: [userCoupons.couponId], references: [coupons.id] }),
  user: one(users, { fields: [userCoupons.userId], references: [users.id] }),
  order: one(orders, { fields: [userCoupons.orderId], references: [orders.id] }),
}));

export type Coupon = typeof coupons.$inferSelect;
export type NewCoupon = typeof coupons.$inferInsert;
export type UserCoupon = typeof userCoupons.$inferSelect;
