'use client';

import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { getJson } from '@/components/polling/get-json';
import { useVisiblePoll } from '@/components/polling/use-visible-poll';
import type { UnreadCount } from '@/lib/api/v1/schemas';

/** A new notice (outbid, won, refund made) shows on an open page within this, not only on the next. */
const POLL_MS = 30_000;
const MAX_BACKOFF_MS = 5 * 60_000;

/**
 * The header's bell: links to the notifications, with the unread count (99+ past that). The
 * server renders it with the count; while the tab is visible it asks again now and then. The
 * header gives it a new key on every server render, so a fresh count (after marking read)
 * replaces a polled one.
 */
export function NotificationBell({ unread: rendered }: { unread: number }) {
  const t = useTranslations('siteHeader');
  const [unread, setUnread] = useState(rendered);
  useVisiblePoll(async () => setUnread((await getJson<UnreadCount>('/api/v1/me/unread')).unread), {
    everyMs: POLL_MS,
    maxBackoffMs: MAX_BACKOFF_MS,
  });
  const label = unread > 0 ? t('unreadCount', { count: unread }) : t('notifications');
  return (
    <Link
      href="/me/notifications"
      className="relative flex size-10 shrink-0 items-center justify-center rounded-full text-stone-700 hover:bg-stone-100"
      aria-label={label}
      title={label}
      data-testid="notification-bell"
    >
      <svg viewBox="0 0 24 24" className="size-6" fill="none" stroke="currentColor" strokeWidth={1.8} aria-hidden>
        <path d="M6 9a6 6 0 1 1 12 0c0 4.5 1.5 6.5 2.5 7.5h-17C4.5 15.5 6 13.5 6 9Z" strokeLinejoin="round" />
        <path d="M10 19.5a2 2 0 0 0 4 0" strokeLinecap="round" />
      </svg>
      {unread > 0 && (
        <span
          className="absolute right-0.5 top-0.5 flex h-5 min-w-5 items-center justify-center rounded-full bg-seal-500 px-1 text-[11px] font-semibold leading-none text-white ring-2 ring-paper"
          data-testid="unread-count"
          aria-hidden
        >
          {unread > 99 ? '99+' : unread}
        </span>
      )}
    </Link>
  );
}
