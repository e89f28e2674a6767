import Link from 'next/link';
import { getFormatter, getLocale, getTranslations } from 'next-intl/server';
import { MarkReadButton } from '@/components/activity/mark-read-button';
import { buttonClass } from '@/components/ui/button';
import { cn } from '@/components/ui/cn';
import { EmptyState } from '@/components/ui/empty-state';
import { Pagination } from '@/components/ui/pagination';
import { db } from '@/db';
import { guardBuyerPage } from '@/lib/auth/buyer-page-guard';
import { countUnread } from '@/lib/notifications/count-unread';
import { listNotifications } from '@/lib/notifications/list-notifications';
import { notificationView } from '@/lib/notifications/notification-view';
import { pageRequest } from '@/lib/pagination';

const NOTIFICATIONS_PER_PAGE = 20;

export async function generateMetadata() {
  return { title: (await getTranslations('inbox'))('title') };
}

export default async function NotificationsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const user = await guardBuyerPage('/me/notifications');
  const request = pageRequest((await searchParams).page, NOTIFICATIONS_PER_PAGE);
  const [t, tn, format, locale, page, unread] = await Promise.all([
    getTranslations('inbox'),
    getTranslations('notifications'),
    getFormatter(),
    getLocale(),
    listNotifications({ db: db(), userId: user.id, page: request }),
    countUnread({ db: db(), userId: user.id }),
  ]);
  return (
    <>
      <div className="mb-4 flex items-center justify-between gap-3">
        <div>
          <h1 className="font-serif text-2xl font-bold text-stone-900">{t('title')}</h1>
          <p className="mt-1 text-sm text-stone-500" data-testid="inbox-unread">
            {unread > 0 ? t('unread', { count: unread }) : t('allRead')}
          </p>
        </div>
        {unread > 0 && <MarkReadButton />}
      </div>
      {page.total === 0 ? (
        <EmptyState
          title={t('emptyTitle')}
          body={t('emptyBody')}
          action={
            <Link href="/" className={buttonClass('primary')}>
              {t('emptyAction')}
            </Link>
          }
        />
      ) : (
        <ul className="space-y-3">
          {page.items.map((item) => {
            const view = notificationView(item.kind, item.data, locale);
            return (
              <li
                key={item.id}
                data-testid="notification"
                data-kind={item.kind}
                data-read={item.readAt ? 'true' : 'false'}
                className={cn(
                  'rounded-2xl border bg-white p-4 shadow-sm',
                  item.readAt ? 'border-stone-200' : 'border-brand-200 ring-1 ring-brand-100',
                )}
              >
                <div className="flex items-start gap-3">
                  <span
                    className={cn('mt-2 size-2 shrink-0 rounded-full', item.readAt ? 'bg-transparent' : 'bg-seal-500')}
                    aria-hidden
                  />
                  <div className="min-w-0 flex-1 space-y-2">
                    <p className="break-words text-sm leading-6 text-stone-800">
                      {!item.readAt && <span className="sr-only">{t('newBadge')}: </span>}
                      {tn(item.kind, view.params)}
                    </p>
                    <div className="flex flex-wrap items-center justify-between gap-2">
                      <time dateTime={item.createdAt.toISOString()} className="text-xs text-stone-500">
                        {format.dateTime(item.createdAt, { dateStyle: 'medium', timeStyle: 'short' })}
                      </time>
                      <span className="flex items-center gap-1">
                        {!item.readAt && <MarkReadButton notificationId={item.id} />}
                        {view.href && (
                          <Link href={view.href} className={buttonClass('ghost', 'h-9 px-2 text-brand-700')}>
                            {t('view')}
                          </Link>
                        )}
                      </span>
                    </div>
                  </div>
                </div>
              </li>
            );
          })}
        </ul>
      )}
      <Pagination page={page.page} pages={page.pages} basePath="/me/notifications" />
    </>
  );
}
