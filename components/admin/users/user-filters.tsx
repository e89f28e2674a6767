import { useTranslations } from 'next-intl';
import { buttonClass } from '@/components/ui/button';

/** A plain GET form: the filters live in the URL, so a filtered page can be shared and paged. */
export function UserFilters({ search, role }: { search: string; role: string }) {
  const t = useTranslations('adminUsers');
  const field = 'h-11 rounded-lg border border-stone-300 bg-white px-3 text-base shadow-sm sm:text-sm';
  return (
    <form method="get" action="/admin/users" className="flex flex-wrap gap-2" role="search">
      <input
        type="search"
        name="q"
        defaultValue={search}
        maxLength={60}
        placeholder={t('searchPlaceholder')}
        aria-label={t('searchPlaceholder')}
        className={`${field} min-w-0 flex-1 basis-56`}
      />
      <select name="role" defaultValue={role} aria-label={t('colRole')} className={field}>
        <option value="">{t('allRoles')}</option>
        <option value="buyer">{t('role.buyer')}</option>
        <option value="admin">{t('role.admin')}</option>
      </select>
      <button type="submit" className={buttonClass('secondary')}>
        {t('search')}
      </button>
    </form>
  );
}
