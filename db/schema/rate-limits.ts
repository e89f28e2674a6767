import { integer, pgTable, text } from 'drizzle-orm/pg-core';
import { instant } from './columns';

/** Fixed-window counters shared by every server instance (bids per user, …). */
export const rateLimits = pgTable('rate_limits', {
  key: text().primaryKey(),
  windowStartedAt: instant().notNull(),
  count: integer().notNull(),
});
