'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { buyerAction } from '@/lib/actions/safe-action';
import { markAllRead } from '@/lib/notifications/mark-all-read';
import { markNotificationRead } from '@/lib/notifications/mark-notification-read';
import { markNotificationReadSchema } from '@/lib/notifications/mark-read-schema';

/** Marks one of the caller's own notifications read; another buyer's id answers NOT_FOUND. */
export const markNotificationReadAction = buyerAction(
  markNotificationReadSchema,
  async ({ notificationId }, { user, db, now }) => {
    const marked = await markNotificationRead({ db, userId: user.id, notificationId, now });
    // The bell in every page's header counts unread notifications.
    revalidatePath('/', 'layout');
    return marked;
  },
);

/** Marks all the caller's notifications read. Takes an empty object: any field at all is refused. */
export const markAllNotificationsReadAction = buyerAction(z.object({}).strict(), async (_input, { user, db, now }) => {
  const marked = await markAllRead({ db, userId: user.id, now });
  revalidatePath('/', 'layout');
  return marked;
});
