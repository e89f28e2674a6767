import { useFormatter, useLocale, useTranslations } from 'next-intl';
import type { AdminBidRow, ProxyMaximum } from '@/lib/admin/lot-detail';
import { formatFen } from '@/lib/money';
import { ScrollTable, tdClass, thClass } from './section';

export function BidHistory({ bids }: { bids: AdminBidRow[] }) {
  const t = useTranslations('adminLotDetail');
  const format = useFormatter();
  const locale = useLocale();
  if (bids.length === 0) return <p className="text-sm text-stone-500">{t('noBidsYet')}</p>;
  return (
    <ScrollTable minWidth="min-w-[32rem]">
      <thead>
        <tr>
          <th className={thClass}>{t('colBidder')}</th>
          <th className={`${thClass} text-right`}>{t('colAmount')}</th>
          <th className={thClass}>{t('colKind')}</th>
          <th className={thClass}>{t('colPlacedAt')}</th>
        </tr>
      </thead>
      <tbody>
        {bids.map((bid) => (
          <tr key={bid.id}>
            <td className={tdClass}>
              <p className="font-medium text-stone-900">{bid.bidderName}</p>
              {bid.bidderPhone && <p className="text-xs text-stone-500">{bid.bidderPhone}</p>}
            </td>
            <td className={`${tdClass} text-right tabular-nums`}>{formatFen(bid.amount, locale)}</td>
            <td className={tdClass}>{bid.isProxy ? t('proxyBid') : t('manualBid')}</td>
            <td className={`${tdClass} whitespace-nowrap text-stone-600`}>
              {format.dateTime(bid.placedAt, { dateStyle: 'short', timeStyle: 'medium' })}
            </td>
          </tr>
        ))}
      </tbody>
    </ScrollTable>
  );
}

/** Buyers' proxy maxima: hidden from other buyers, shown to the operator. */
export function ProxyMaxima({ proxies }: { proxies: ProxyMaximum[] }) {
  const t = useTranslations('adminLotDetail');
  const locale = useLocale();
  if (proxies.length === 0) return <p className="text-sm text-stone-500">{t('noProxies')}</p>;
  return (
    <ul className="divide-y divide-stone-100 text-sm">
      {proxies.map((proxy) => (
        <li
          key={`${proxy.bidderName}-${proxy.setAt.getTime()}`}
          className="flex items-center justify-between gap-3 py-2"
        >
          <span className="text-stone-800">{proxy.bidderName}</span>
          <span className="tabular-nums">
            {formatFen(proxy.maxAmount, locale)}{' '}
            <span className="text-xs text-stone-500">{proxy.active ? t('proxyActive') : t('proxyInactive')}</span>
          </span>
        </li>
      ))}
    </ul>
  );
}
