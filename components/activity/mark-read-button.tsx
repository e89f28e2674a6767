'use client';

import { useTranslations } from 'next-intl';
import { useState, useTransition } from 'react';
import { markAllNotificationsReadAction, markNotificationReadAction } from '@/actions/notifications';
import { Button } from '@/components/ui/button';

/**
 * Marks one notification read (`notificationId`) or all of them (none given). The action
 * revalidates the layout, so the list and the bell's count change together.
 */
export function MarkReadButton({ notificationId }: { notificationId?: number }) {
  const t = useTranslations('inbox');
  const [failed, setFailed] = useState(false);
  const [pending, startTransition] = useTransition();
  const markRead = () =>
    startTransition(async () => {
      const result =
        notificationId === undefined
          ? await markAllNotificationsReadAction({})
          : await markNotificationReadAction({ notificationId });
      setFailed(!result.ok);
    });
  return (
    <span className="inline-flex items-center gap-2">
      {failed && (
        <span role="alert" className="text-xs text-red-700">
          {t('failed')}
        </span>
      )}
      <Button
        type="button"
        variant={notificationId === undefined ? 'secondary' : 'ghost'}
        className={notificationId === undefined ? 'h-9 px-3' : 'h-9 px-2 text-brand-700'}
        pending={pending}
        onClick={markRead}
        data-testid={notificationId === undefined ? 'mark-all-read' : 'mark-read'}
      >
        {notificationId === undefined ? t('markAllRead') : t('markRead')}
      </Button>
    </span>
  );
}
