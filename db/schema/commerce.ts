import { relations, sql } from 'drizzle-orm';
import { check, index, integer, jsonb, pgEnum, pgSequence, pgTable, text, uniqueIndex } from 'drizzle-orm/pg-core';
import { fen, id, instant, timestamps } from './columns';
import { auctions, lots } from './auctions';
import { users } from './users';

export const depositKind = pgEnum('deposit_kind', ['session', 'lot']);
export const depositStatus = pgEnum('deposit_status', ['pending', 'held', 'frozen', 'refunded', 'forfeited']);
export const orderStatus = pgEnum('order_status', [
  'pending_payment',
  'confirming_payment',
  'paid',
  'shipped',
  'completed',
  'overdue',
  'cancelled',
]);
export const paymentPurpose = pgEnum('payment_purpose', ['deposit', 'order']);
export const paymentStatus = pgEnum('payment_status', ['pending', 'succeeded', 'failed', 'cancelled']);
export const refundStatus = pgEnum('refund_status', ['pending', 'succeeded', 'failed']);

/**
 * 保证金. A session deposit (lotId null) covers every lot of its auction; a lot deposit
 * covers one lot. Once paid, amount = balance + refundedAmount + forfeitedAmount always:
 * the database refuses any write that would create or lose money.
 */
export const deposits = pgTable(
  'deposits',
  {
    id: id(),
    userId: integer()
      .notNull()
      .references(() => users.id),
    auctionId: integer()
      .notNull()
      .references(() => auctions.id),
    lotId: integer().references(() => lots.id),
    kind: depositKind().notNull(),
    status: depositStatus().notNull().default('pending'),
    amount: fen().notNull(),
    balance: fen().notNull().default(0),
    refundedAmount: fen().notNull().default(0),
    forfeitedAmount: fen().notNull().default(0),
    paidAt: instant(),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('deposits_one_session_per_user_auction')
      .on(t.userId, t.auctionId)
      .where(sql`${t.lotId} is null`),
    uniqueIndex('deposits_one_per_user_lot')
      .on(t.userId, t.lotId)
      .where(sql`${t.lotId} is not null`),
    index('deposits_auction_status_idx').on(t.auctionId, t.status),
    index('deposits_lot_idx').on(t.lotId),
    // The tick's level-triggered sweep looks only at deposits that still hold money.
    index('deposits_open_idx')
      .on(t.auctionId)
      .where(sql`${t.status} in ('held', 'frozen')`),
    check('deposits_kind_matches_lot', sql`(${t.kind} = 'session') = (${t.lotId} is null)`),
    check(
      'deposits_money_conserved',
      sql`${t.amount} > 0 and ${t.balance} >= 0 and ${t.refundedAmount} >= 0 and ${t.forfeitedAmount} >= 0 and (
        (${t.status} = 'pending' and ${t.balance} = 0 and ${t.refundedAmount} = 0 and ${t.forfeitedAmount} = 0)
        or (${t.status} <> 'pending' and ${t.amount} = ${t.balance} + ${t.refundedAmount} + ${t.forfeitedAmount})
      )`,
    ),
  ],
);

export type ShippingAddress = {
  recipient: string;
  phone: string;
  province: string;
  city: string;
  district: string;
  detail: string;
};

/** Feeds the serial part of order numbers; never reused, so numbers never repeat. */
export const orderNumberSequence = pgSequence('order_number_seq', { startWith: 1 });

/** 订单: at most one per lot, for the winner. */
export const orders = pgTable(
  'orders',
  {
    id: id(),
    /** Human-readable, e.g. GV20261125000123. */
    orderNo: text().notNull(),
    lotId: integer()
      .notNull()
      .references(() => lots.id),
    auctionId: integer()
      .notNull()
      .references(() => auctions.id),
    userId: integer()
      .notNull()
      .references(() => users.id),
    /** The deposit that covered the winning bid; it answers for the 24-hour rule. */
    depositId: integer()
      .notNull()
      .references(() => deposits.id),
    status: orderStatus().notNull().default('pending_payment'),
    dealPrice: fen().notNull(),
    buyerPremium: fen().notNull().default(0),
    couponDiscount: fen().notNull().default(0),
    amountDue: fen()
      .notNull()
      // Derived, never written: an order whose discount exceeds its price costs 0.
      .generatedAlwaysAs(sql`greatest(deal_price + buyer_premium - coupon_discount, 0)`),
    dueAt: instant().notNull(),
    paidAt: instant(),
    shippedAt: instant(),
    completedAt: instant(),
    overdueAt: instant(),
    /** When the 2-hour pay-due reminder was queued; set once, so it is sent once. */
    remindedAt: instant(),
    shippingAddress: jsonb().$type<ShippingAddress>(),
    /** 快递公司, set with the tracking number when the operator ships. */
    carrier: text(),
    trackingNo: text(),
    cancelledAt: instant(),
    /** Why an operator cancelled the order; shown to the buyer. */
    cancelReason: text(),
    nextTransitionAt: instant(),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('orders_order_no_key').on(t.orderNo),
    uniqueIndex('orders_one_per_lot').on(t.lotId),
    index('orders_user_idx').on(t.userId, t.createdAt),
    index('orders_auction_idx').on(t.auctionId),
    index('orders_next_transition_idx').on(t.nextTransitionAt),
    check('orders_amounts_valid', sql`${t.dealPrice} > 0 and ${t.buyerPremium} >= 0 and ${t.couponDiscount} >= 0`),
  ],
);

/** Money in: one row per charge, keyed so that a retried request never charges twice. */
export const payments = pgTable(
  'payments',
  {
    id: id(),
    userId: integer()
      .notNull()
      .references(() => users.id),
    purpose: paymentPurpose().notNull(),
    depositId: integer().references(() => deposits.id),
    orderId: integer().references(() => orders.id),
    amount: fen().notNull(),
    provider: text().notNull(),
    providerRef: text(),
    status: paymentStatus().notNull().default('pending'),
    idempotencyKey: text().notNull(),
    /** The provider refuses to confirm the charge after this (time_expire / expires_at). */
    expiresAt: instant(),
    /** The provider's paid-at time, which decides the outcome (not when we heard of it). */
    succeededAt: instant(),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('payments_idempotency_key').on(t.idempotencyKey),
    uniqueIndex('payments_provider_ref_key').on(t.provider, t.providerRef),
    index('payments_deposit_idx').on(t.depositId),
    index('payments_order_idx').on(t.orderId),
    // At most one live charge per deposit or order: a refund always knows which payment
    // funded what, and a double-clicked pay button reuses the open charge.
    uniqueIndex('payments_one_open_per_deposit')
      .on(t.depositId)
      .where(sql`${t.status} in ('pending', 'succeeded')`),
    uniqueIndex('payments_one_open_per_order')
      .on(t.orderId)
      .where(sql`${t.status} in ('pending', 'succeeded')`),
    check('payments_amount_positive', sql`${t.amount} > 0`),
    check(
      'payments_target_matches_purpose',
      sql`(${t.purpose} = 'deposit' and ${t.depositId} is not null and ${t.orderId} is null)
        or (${t.purpose} = 'order' and ${t.orderId} is not null and ${t.depositId} is null)`,
    ),
  ],
);

/** Money out: always back to the payment it comes from (原路返回). */
export const refunds = pgTable(
  'refunds',
  {
    id: id(),
    paymentId: integer()
      .notNull()
      .references(() => payments.id),
    depositId: integer().references(() => deposits.id),
    orderId: integer().references(() => orders.id),
    amount: fen().notNull(),
    reason: text().notNull(),
    status: refundStatus().notNull().default('pending'),
    idempotencyKey: text().notNull(),
    providerRef: text(),
    attempts: integer().notNull().default(0),
    lastError: text(),
    succeededAt: instant(),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('refunds_idempotency_key').on(t.idempotencyKey),
    index('refunds_payment_idx').on(t.paymentId),
    index('refunds_status_idx').on(t.status),
    check('refunds_amount_positive', sql`${t.amount} > 0`),
  ],
);

export const depositsRelations = relations(deposits, ({ one, many }) => ({
  user: one(users, { fields: [deposits.userId], references: [users.id] }),
  auction: one(auctions, { fields: [deposits.auctionId], references: [auctions.id] }),
  lot: one(lots, { fields: [deposits.lotId], references: [lots.id] }),
  payments: many(payments),
  refunds: many(refunds),
}));

export const ordersRelations = relations(orders, ({ one, many }) => ({
  lot: one(lots, { fields: [orders.lotId], references: [lots.id] }),
  auction: one(auctions, { fields: [orders.auctionId], references: [auctions.id] }),
  user: one(users, { fields: [orders.userId], references: [users.id] }),
  deposit: one(deposits, { fields: [orders.depositId], references: [deposits.id] }),
  payments: many(payments),
}));

export const paymentsRelations = relations(payments, ({ one, many }) => ({
  user: one(users, { fields: [payments.userId], references: [users.id] }),
  deposit: one(deposits, { fields: [payments.depositId], references: [deposits.id] }),
  order: one(orders, { fields: [payments.orderId], references: [orders.id] }),
  refunds: many(refunds),
}));

export const refundsRelations = relations(refunds, ({ one }) => ({
  payment: one(payments, { fields: [refunds.paymentId], references: [payments.id] }),
  deposit: one(deposits, { fields: [refunds.depositId], references: [deposits.id] }),
  order: one(orders, { fields: [refunds.orderId], references: [orders.id] }),
}));

export type Deposit = typeof deposits.$inferSelect;
export type NewDeposit = typeof deposits.$inferInsert;
export type DepositStatus = (typeof depositStatus.enumValues)[number];
export type Order = typeof orders.$inferSelect;
export type NewOrder = typeof orders.$inferInsert;
export type OrderStatus = (typeof orderStatus.enumValues)[number];
export type Payment = typeof payments.$inferSelect;
export type NewPayment = typeof payments.$inferInsert;
export type Refund = typeof refunds.$inferSelect;
export type NewRefund = typeof refunds.$inferInsert;
