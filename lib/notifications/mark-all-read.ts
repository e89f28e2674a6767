import 'server-only';
import { and, eq, isNull } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { notifications } from '@/db/schema';

/** Marks every unread notification of the buyer read; answers how many changed. */
export async function markAllRead({
  db,
  userId,
  now,
}: {
  db: Database;
  userId: number;
  now: Date;
}): Promise<{ marked: number }> {
  const marked = await db
    .update(notifications)
    .set({ readAt: now, updatedAt: now })
    .where(and(eq(notifications.userId, userId), isNull(notifications.readAt)))
    .returning({ id: notifications.id });
  return { marked: marked.length };
}
