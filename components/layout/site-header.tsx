import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { buttonClass } from '@/components/ui/button';
import type { CurrentUser } from '@/lib/auth/current-user';
import { LocaleSwitcher } from './locale-switcher';
import { Logo } from './logo';
import { SignOutButton } from './sign-out-button';

export async function SiteHeader({ user }: { user: CurrentUser | null }) {
  const t = await getTranslations('common');
  return (
    <header className="sticky top-0 z-20 border-b border-stone-200/80 bg-paper/90 backdrop-blur">
      <div className="mx-auto flex h-14 max-w-5xl items-center justify-between gap-3 px-4">
        <Logo />
        <div className="flex min-w-0 items-center gap-2 sm:gap-3">
          <LocaleSwitcher />
          {user ? (
            <>
              {user.role === 'admin' && (
                <Link href="/admin" className="hidden text-sm font-medium text-brand-700 hover:underline sm:inline">
                  {t('admin')}
                </Link>
              )}
              <span
                className="flex items-center gap-2 text-sm text-stone-600"
                data-testid="current-user"
                title={user.name}
              >
                <span
                  className="flex size-8 items-center justify-center rounded-full bg-brand-100 font-medium text-brand-800"
                  aria-hidden
                >
                  {user.name.slice(0, 1)}
                </span>
                <span className="sr-only sm:not-sr-only sm:max-w-32 sm:truncate">
                  {t('hello', { name: user.name })}
                </span>
              </span>
              <SignOutButton />
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
