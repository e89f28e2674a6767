import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { AdminNav } from '@/components/admin/admin-nav';
import { LocaleSwitcher } from '@/components/layout/locale-switcher';
import { SignOutButton } from '@/components/layout/sign-out-button';
import { guardAdminPage } from '@/lib/auth/admin-page-guard';

/**
 * First gate of the back office. Each admin page, action and route handler checks the role
 * again itself (guardAdminPage / adminAction / assertRole): a layout does not run for a
 * server action call, and it renders in parallel with its page.
 */
export default async function AdminLayout({ children }: { children: React.ReactNode }) {
  const user = await guardAdminPage();
  const t = await getTranslations('admin');
  return (
    <div className="min-h-dvh md:flex">
      <aside className="bg-brand-900 text-white md:sticky md:top-0 md:flex md:h-dvh md:w-56 md:flex-col">
        <div className="flex items-center justify-between gap-3 px-4 py-3 md:block md:py-5">
          <Link href="/admin" className="flex items-center gap-2 font-serif text-lg font-bold">
            <span className="flex size-8 items-center justify-center rounded-md bg-seal-500 text-sm" aria-hidden>
              拍
            </span>
            {t('title')}
          </Link>
        </div>
        <div className="px-3 pb-3 md:flex-1">
          <AdminNav />
        </div>
        <div className="hidden border-t border-brand-800 px-4 py-4 text-sm md:block">
          <p className="truncate text-brand-100" data-testid="current-user">
            {t('signedInAs', { name: user.name })}
          </p>
          <div className="mt-2 flex items-center justify-between">
            <Link href="/" className="text-brand-200 hover:text-white">
              {t('viewSite')}
            </Link>
            <SignOutButton className="text-brand-200 hover:text-white" />
          </div>
        </div>
      </aside>
      <div className="flex-1">
        <header className="flex h-14 items-center justify-end gap-3 border-b border-stone-200 bg-white px-4 md:px-8">
          <LocaleSwitcher />
          <div className="md:hidden">
            <SignOutButton />
          </div>
        </header>
        <main className="px-4 py-6 md:px-8">{children}</main>
      </div>
    </div>
  );
}
