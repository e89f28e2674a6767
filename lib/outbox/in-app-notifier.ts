import type { Database } from '@/db/client';
import { notifications, type NotificationPayload } from '@/db/schema';

/** Delivers one notification the outbox queued; `outboxId` makes a resend idempotent. */
export type Notifier = (payload: NotificationPayload, outboxId: number) => Promise<void>;

/** In-app notifications: one row per outbox entry, so a retried send never shows twice. */
export const inAppNotifier =
  (db: Database): Notifier =>
  async (payload, outboxId) => {
    await db
      .insert(notifications)
      .values({ userId: payload.userId, kind: payload.kind, data: payload.data, outboxId })
      .onConflictDoNothing({ target: notifications.outboxId });
  };
