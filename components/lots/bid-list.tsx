import { useFormatter, useLocale, useTranslations } from 'next-intl';
import type { PublicBid } from '@/lib/api/v1/schemas';
import { formatFen } from '@/lib/money';

/** Bids, highest first, with masked names: the live panel's latest and the full history page. */
export function BidList({ bids, withDate = false }: { bids: PublicBid[]; withDate?: boolean }) {
  const t = useTranslations('lotPage');
  const format = useFormatter();
  const locale = useLocale();
  return (
    <ol className="divide-y divide-stone-100 text-sm" data-testid="bid-history">
      {bids.map((bid) => (
        <li key={bid.amount} className="flex items-center justify-between gap-2 py-1.5">
          <span className="text-stone-800">
            {bid.bidder}
            {bid.isProxy && <span className="ml-1 text-xs text-stone-500">{t('proxyTag')}</span>}
          </span>
          <span className="tabular-nums text-stone-500">
            {format.dateTime(new Date(bid.placedAt), {
              ...(withDate && { month: '2-digit', day: '2-digit' }),
              hour: '2-digit',
              minute: '2-digit',
              second: '2-digit',
            })}
          </span>
          <span className="font-semibold tabular-nums text-stone-900">{formatFen(bid.amount, locale)}</span>
        </li>
      ))}
    </ol>
  );
}
