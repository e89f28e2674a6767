'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { cn } from '@/components/ui/cn';

const items = [
  { href: '/admin', key: 'dashboard', icon: '◧' },
  { href: '/admin/auctions', key: 'auctions', icon: '⚑' },
  { href: '/admin/orders', key: 'orders', icon: '▤' },
  { href: '/admin/coupons', key: 'coupons', icon: '◇' },
  { href: '/admin/users', key: 'users', icon: '☺' },
  { href: '/admin/audit', key: 'audit', icon: '☰' },
] as const;

export function AdminNav() {
  const t = useTranslations('admin');
  const pathname = usePathname();
  return (
    <nav className="flex gap-1 overflow-x-auto md:flex-col" aria-label={t('title')}>
      {items.map((item) => {
        const active = item.href === '/admin' ? pathname === '/admin' : pathname.startsWith(item.href);
        return (
          <Link
            key={item.href}
            href={item.href}
            aria-current={active ? 'page' : undefined}
            className={cn(
              'flex shrink-0 items-center gap-2 rounded-lg px-3 py-2 text-sm font-medium transition-colors',
              active ? 'bg-brand-700 text-white' : 'text-brand-100 hover:bg-brand-800',
            )}
          >
            <span aria-hidden>{item.icon}</span>
            {t(item.key)}
          </Link>
        );
      })}
    </nav>
  );
}
