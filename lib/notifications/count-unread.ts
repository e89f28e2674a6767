import 'server-only';
import { and, count, eq, inArray, isNull } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { notifications } from '@/db/schema';
import { NOTIFICATION_KINDS } from './notification-view';

/** How many of the buyer's own notifications are unread: the number on the header's bell. */
export async function countUnread({ db, userId }: { db: Executor; userId: number }): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(notifications)
    .where(
      and(
        eq(notifications.userId, userId),
        isNull(notifications.readAt),
        inArray(notifications.kind, [...NOTIFICATION_KINDS]),
      ),
    );
  return row?.n ?? 0;
}
