import 'server-only';
import { and, eq, isNull } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { notifications } from '@/db/schema';
import { AppError } from '@/lib/errors';

/**
 * Marks one of the buyer's own notifications read. Someone else's id answers NOT_FOUND, as
 * an unknown one does; one already read keeps its first read time (a second tap is a no-op).
 */
export async function markNotificationRead({
  db,
  userId,
  notificationId,
  now,
}: {
  db: Database;
  userId: number;
  notificationId: number;
  now: Date;
}): Promise<{ id: number }> {
  const mine = and(eq(notifications.id, notificationId), eq(notifications.userId, userId));
  await db
    .update(notifications)
    .set({ readAt: now, updatedAt: now })
    .where(and(mine, isNull(notifications.readAt)));
  const [row] = await db.select({ id: notifications.id }).from(notifications).where(mine);
  if (!row) throw new AppError('NOT_FOUND', 'No such notification');
  return row;
}
