import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { buttonClass } from '@/components/ui/button';
import { ORDER_STATUSES, type OrderFilters as Filters } from '@/lib/admin/order-schemas';

const fieldClass =
  'block h-11 w-full rounded-lg border border-stone-300 bg-white px-3 text-base text-stone-900 shadow-sm outline-none focus:border-brand-500 focus:ring-2 focus:ring-brand-100 sm:text-sm';

/** A GET form: the filters live in the URL, so a filtered list can be shared, paged and exported. */
export function OrderFilters({ filters }: { filters: Filters }) {
  const t = useTranslations('adminOrders');
  const ts = useTranslations('adminOrders.status');
  return (
    <form
      method="get"
      action="/admin/orders"
      className="grid gap-3 rounded-xl border border-stone-200 bg-white p-4 shadow-sm md:grid-cols-5 md:items-end"
    >
      <label className="text-sm font-medium text-stone-700">
        {t('filterStatus')}
        <select name="status" defaultValue={filters.status ?? ''} className={`mt-1.5 ${fieldClass}`}>
          <option value="">{t('allStatuses')}</option>
          {ORDER_STATUSES.map((status) => (
            <option key={status} value={status}>
              {ts(status)}
            </option>
          ))}
        </select>
      </label>
      <label className="text-sm font-medium text-stone-700">
        {t('filterAuction')}
        <input
          name="auctionId"
          inputMode="numeric"
          maxLength={10}
          defaultValue={filters.auctionId ?? ''}
          placeholder={t('filterAuctionPlaceholder')}
          className={`mt-1.5 ${fieldClass}`}
        />
      </label>
      <label className="text-sm font-medium text-stone-700">
        {t('filterBuyer')}
        <input
          name="buyer"
          maxLength={50}
          defaultValue={filters.buyer ?? ''}
          placeholder={t('filterBuyerPlaceholder')}
          className={`mt-1.5 ${fieldClass}`}
        />
      </label>
      <label className="flex h-11 items-center gap-2 text-sm font-medium text-stone-700">
        <input type="checkbox" name="dueSoon" value="1" defaultChecked={Boolean(filters.dueSoon)} className="size-4" />
        {t('filterDueSoon')}
      </label>
      <div className="flex gap-2">
        <button type="submit" className={buttonClass('primary', 'flex-1')}>
          {t('applyFilters')}
        </button>
        <Link href="/admin/orders" className={buttonClass('ghost')}>
          {t('clearFilters')}
        </Link>
      </div>
    </form>
  );
}
