import { sql } from 'drizzle-orm';
import { bigint, index, integer, jsonb, pgEnum, pgTable, text, uniqueIndex } from 'drizzle-orm/pg-core';
import { id, instant, timestamps } from './columns';
import { users } from './users';

export const lifecycleEntity = pgEnum('lifecycle_entity', ['auction', 'lot', 'order', 'deposit']);

/** Every state change of every lifecycle, appended in the transaction that makes it. */
export const lifecycleEvents = pgTable(
  'lifecycle_events',
  {
    id: bigint({ mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    entity: lifecycleEntity().notNull(),
    entityId: integer().notNull(),
    fromStatus: text().notNull(),
    toStatus: text().notNull(),
    event: text().notNull(),
    /** Null when the system (the tick) made the change. */
    actorId: integer().references(() => users.id),
    at: instant().notNull(),
    data: jsonb()
      .$type<Record<string, unknown>>()
      .notNull()
      .default(sql`'{}'::jsonb`),
    ...timestamps,
  },
  (t) => [index('lifecycle_events_entity_idx').on(t.entity, t.entityId, t.at)],
);

/** What an operator did in the back office, for accountability. */
export const adminAuditLog = pgTable(
  'admin_audit_log',
  {
    id: bigint({ mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    adminId: integer()
      .notNull()
      .references(() => users.id),
    action: text().notNull(),
    entity: text().notNull(),
    entityId: integer(),
    data: jsonb()
      .$type<Record<string, unknown>>()
      .notNull()
      .default(sql`'{}'::jsonb`),
    ip: text(),
    at: instant().notNull(),
    ...timestamps,
  },
  (t) => [
    index('admin_audit_log_admin_idx').on(t.adminId, t.at),
    index('admin_audit_log_entity_idx').on(t.entity, t.entityId),
  ],
);

export const notifications = pgTable(
  'notifications',
  {
    id: id(),
    userId: integer()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    /** A message key (`notifications.<kind>`) rendered in the reader's language with `data`. */
    kind: text().notNull(),
    data: jsonb()
      .$type<Record<string, unknown>>()
      .notNull()
      .default(sql`'{}'::jsonb`),
    readAt: instant(),
    /** The outbox row that sent it: a retried send never notifies twice. */
    outboxId: bigint({ mode: 'number' }),
    ...timestamps,
  },
  (t) => [
    index('notifications_user_idx').on(t.userId, t.createdAt),
    uniqueIndex('notifications_outbox_key').on(t.outboxId),
  ],
);

export type LifecycleEvent = typeof lifecycleEvents.$inferSelect;
export type NewLifecycleEvent = typeof lifecycleEvents.$inferInsert;
export type AdminAuditEntry = typeof adminAuditLog.$inferSelect;
export type Notification = typeof notifications.$inferSelect;
