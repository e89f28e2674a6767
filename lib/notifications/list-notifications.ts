import 'server-only';
import { and, count, desc, eq, inArray } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { notifications } from '@/db/schema';
import { pageOf, type Page, type PageRequest } from '@/lib/pagination';
import { NOTIFICATION_KINDS, type NotificationKind } from './notification-view';

export type NotificationItem = {
  id: number;
  kind: NotificationKind;
  data: Record<string, unknown>;
  createdAt: Date;
  readAt: Date | null;
};

/** The buyer's own notifications, newest first; kinds this version cannot render are left out. */
export async function listNotifications({
  db,
  userId,
  page,
}: {
  db: Executor;
  userId: number;
  page: PageRequest;
}): Promise<Page<NotificationItem>> {
  const mine = and(eq(notifications.userId, userId), inArray(notifications.kind, [...NOTIFICATION_KINDS]));
  const [rows, [total]] = await Promise.all([
    db
      .select({
        id: notifications.id,
        kind: notifications.kind,
        data: notifications.data,
        createdAt: notifications.createdAt,
        readAt: notifications.readAt,
      })
      .from(notifications)
      .where(mine)
      .orderBy(desc(notifications.createdAt), desc(notifications.id))
      .limit(page.pageSize)
      .offset(page.offset),
    db.select({ n: count() }).from(notifications).where(mine),
  ]);
  return pageOf(
    rows.map((row) => ({ ...row, kind: row.kind as NotificationKind })),
    total?.n ?? 0,
    page,
  );
}
