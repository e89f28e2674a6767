import { sql } from 'drizzle-orm';
import { bigint, index, integer, jsonb, pgEnum, pgTable, text, uniqueIndex } from 'drizzle-orm/pg-core';
import { instant, timestamps } from './columns';
import { refunds } from './commerce';

export const outboxKind = pgEnum('outbox_kind', ['refund', 'notification']);
export const outboxStatus = pgEnum('outbox_status', ['pending', 'done', 'failed']);

export type NotificationPayload = {
  userId: number;
  kind: string;
  data: Record<string, unknown>;
};

/**
 * Work that must happen after a transaction commits (a provider refund, a notification).
 * The transaction that decides writes a row here; the tick sends it afterwards and again on
 * every later tick until it is done, so a crash between commit and send loses nothing.
 */
export const outbox = pgTable(
  'outbox',
  {
    id: bigint({ mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    kind: outboxKind().notNull(),
    refundId: integer().references(() => refunds.id),
    payload: jsonb().$type<NotificationPayload>(),
    status: outboxStatus().notNull().default('pending'),
    attempts: integer().notNull().default(0),
    /** A worker that claimed the row owns it until then; after that another may retry. */
    lockedUntil: instant(),
    lastError: text(),
    processedAt: instant(),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('outbox_one_per_refund')
      .on(t.refundId)
      .where(sql`${t.refundId} is not null`),
    index('outbox_pending_idx')
      .on(t.id)
      .where(sql`${t.status} = 'pending'`),
  ],
);

export type OutboxRow = typeof outbox.$inferSelect;
