import { randomUUID } from 'node:crypto';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { NotificationBell } from '@/components/activity/notification-bell';
import { buttonClass } from '@/components/ui/button';
import type { CurrentUser } from '@/lib/auth/current-user';
import { LocaleSwitcher } from './locale-switcher';
import { Logo } from './logo';
import { SignOutButton } from './sign-out-button';

/**
 * Sticky on top of every buyer page, clear of the notch (safe-area insets). A buyer gets the
 * bell with `unread` and the way to their own pages (我的); it all fits a 375 px screen.
 */
export async function SiteHeader({ user, unread = 0 }: { user: CurrentUser | null; unread?: number }) {
  const [t, th] = await Promise.all([getTranslations('common'), getTranslations('siteHeader')]);
  return (
    <header className="sticky top-0 z-20 border-b border-stone-200/80 bg-paper/90 pt-[env(safe-area-inset-top)] backdrop-blur">
      <div className="mx-auto flex h-14 max-w-5xl items-center justify-between gap-2 pl-[max(1rem,env(safe-area-inset-left))] pr-[max(1rem,env(safe-area-inset-right))]">
        {/* Signed in, the bell and 我的 need the room on a phone. */}
        <Logo compact={user !== null} />
        <div className="flex min-w-0 items-center gap-1.5 sm:gap-3">
          <LocaleSwitcher />
          {user ? (
            <>
              {user.role === 'admin' ? (
                <Link href="/admin" className="hidden text-sm font-medium text-brand-700 hover:underline sm:inline">
                  {t('admin')}
                </Link>
              ) : (
                <NotificationBell key={randomUUID()} unread={unread} />
              )}
              <Link
                href={user.role === 'admin' ? '/admin' : '/me'}
                className="flex h-10 shrink-0 items-center gap-1.5 rounded-full pr-1 text-sm text-stone-700 hover:bg-stone-100"
                data-testid="current-user"
                title={user.name}
              >
                <span
                  className="flex size-8 items-center justify-center rounded-full bg-brand-100 font-medium text-brand-800"
                  aria-hidden
                >
                  {user.name.slice(0, 1)}
                </span>
                {user.role === 'admin' ? (
                  <span className="sr-only sm:not-sr-only sm:max-w-32 sm:truncate">
                    {t('hello', { name: user.name })}
                  </span>
                ) : (
                  <>
                    <span className="font-medium">{th('me')}</span>
                    <span className="sr-only">{user.name}</span>
                  </>
                )}
              </Link>
              {/* On a phone there is no room: signing out is on the 我的 page. */}
              <SignOutButton className="hidden sm:block" />
            </>
          ) : (
            <Link href="/login" className={buttonClass('primary', 'h-9 px-3')}>
              {t('signIn')}
            </Link>
          )}
        </div>
      </div>
    </header>
  );
}
