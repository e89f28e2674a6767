import { useTranslations } from 'next-intl';
import { buttonClass } from '@/components/ui/button';
import { auctionStatus } from '@/db/schema/auctions';
import { AUCTION_SORTS, type AuctionListFilter } from '@/lib/admin/auction-list-filter';

const control =
  'h-11 rounded-lg border border-stone-300 bg-white px-3 text-base text-stone-900 shadow-sm outline-none focus:border-brand-500 focus:ring-2 focus:ring-brand-100 sm:text-sm';

/** The list's filters as a plain GET form: the URL holds them, so a filtered page can be shared and paged. */
export function AuctionListFilters({ filter }: { filter: AuctionListFilter }) {
  const t = useTranslations('adminAuctions');
  const ts = useTranslations('status');
  return (
    <form method="get" className="flex flex-wrap items-end gap-3" role="search">
      <label className="flex min-w-48 flex-1 flex-col gap-1 text-sm font-medium text-stone-700">
        {t('search')}
        <input
          name="q"
          defaultValue={filter.q ?? ''}
          maxLength={100}
          placeholder={t('searchPlaceholder')}
          className={control}
        />
      </label>
      <label className="flex flex-col gap-1 text-sm font-medium text-stone-700">
        {t('filterStatus')}
        <select name="status" defaultValue={filter.status ?? ''} className={control}>
          <option value="">{t('allStatuses')}</option>
          {auctionStatus.enumValues.map((status) => (
            <option key={status} value={status}>
              {ts(status)}
            </option>
          ))}
        </select>
      </label>
      <label className="flex flex-col gap-1 text-sm font-medium text-stone-700">
        {t('sort')}
        <select name="sort" defaultValue={filter.sort} className={control}>
          {AUCTION_SORTS.map((sort) => (
            <option key={sort} value={sort}>
              {t(`sortBy.${sort}`)}
            </option>
          ))}
        </select>
      </label>
      <button type="submit" className={buttonClass('secondary')}>
        {t('apply')}
      </button>
    </form>
  );
}
