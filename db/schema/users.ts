import { relations, sql } from 'drizzle-orm';
import { boolean, check, index, integer, pgEnum, pgTable, text, uniqueIndex } from 'drizzle-orm/pg-core';
import { id, instant, timestamps } from './columns';

export const userRole = pgEnum('user_role', ['admin', 'buyer']);

export const users = pgTable(
  'users',
  {
    id: id(),
    name: text().notNull(),
    email: text(),
    phone: text(),
    passwordHash: text().notNull(),
    role: userRole().notNull().default('buyer'),
    blocked: boolean().notNull().default(false),
    /** Orders this buyer let go overdue; at the configured limit they may no longer bid. */
    strikes: integer().notNull().default(0),
    /** Set by the engine, in the transaction that counted the last strike. */
    biddingBlockedAt: instant(),
    ...timestamps,
  },
  (t) => [
    // Sign-in identifiers are stored normalised (lower-case email, digits-only phone).
    uniqueIndex('users_email_key').on(t.email),
    uniqueIndex('users_phone_key').on(t.phone),
    check('users_has_identifier', sql`${t.email} is not null or ${t.phone} is not null`),
  ],
);

/** One row per credentials sign-in attempt; the rate limiter counts recent failures. */
export const loginAttempts = pgTable(
  'login_attempts',
  {
    id: id(),
    identifier: text().notNull(),
    ip: text().notNull(),
    succeeded: boolean().notNull(),
    attemptedAt: instant().notNull(),
    ...timestamps,
  },
  (t) => [
    index('login_attempts_identifier_idx').on(t.identifier, t.attemptedAt),
    index('login_attempts_ip_idx').on(t.ip, t.attemptedAt),
  ],
);

export const addresses = pgTable(
  'addresses',
  {
    id: id(),
    userId: integer()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    recipient: text().notNull(),
    phone: text().notNull(),
    province: text().notNull(),
    city: text().notNull(),
    district: text().notNull(),
    detail: text().notNull(),
    isDefault: boolean().notNull().default(false),
    ...timestamps,
  },
  (t) => [
    index('addresses_user_idx').on(t.userId),
    uniqueIndex('addresses_one_default_per_user')
      .on(t.userId)
      .where(sql`${t.isDefault}`),
  ],
);

export const usersRelations = relations(users, ({ many }) => ({
  addresses: many(addresses),
}));

export const addressesRelations = relations(addresses, ({ one }) => ({
  user: one(users, { fields: [addresses.userId], references: [users.id] }),
}));

export type User = typeof users.$inferSelect;
export type NewUser = typeof users.$inferInsert;
export type UserRole = (typeof userRole.enumValues)[number];
export type Address = typeof addresses.$inferSelect;
export type NewAddress = typeof addresses.$inferInsert;
