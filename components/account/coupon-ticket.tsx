import { useFormatter, useLocale, useTranslations } from 'next-intl';
import { cn } from '@/components/ui/cn';
import type { Coupon } from '@/db/schema';
import { formatFen } from '@/lib/money';

/** A coupon as a ticket: the discount, its threshold, its window and scope; `aside` holds a button or a status. */
export function CouponTicket({
  coupon,
  aside,
  muted = false,
  testId,
}: {
  coupon: Pick<Coupon, 'title' | 'threshold' | 'discount' | 'validFrom' | 'validUntil' | 'auctionId'>;
  aside: React.ReactNode;
  muted?: boolean;
  testId?: string;
}) {
  const t = useTranslations('accountCoupons');
  const format = useFormatter();
  const locale = useLocale();
  const money = (fen: number) => formatFen(fen, locale);
  const day = (date: Date) => format.dateTime(date, { month: 'numeric', day: 'numeric' });
  return (
    <div
      data-testid={testId}
      className={cn(
        'flex overflow-hidden rounded-2xl border bg-white',
        muted ? 'border-stone-200 opacity-70' : 'border-seal-500/40',
      )}
    >
      <div
        className={cn(
          'flex w-24 shrink-0 flex-col items-center justify-center px-2 py-3 text-white',
          muted ? 'bg-stone-400' : 'bg-seal-500',
        )}
      >
        <span className="text-lg font-bold leading-tight">{money(coupon.discount)}</span>
      </div>
      <div className="min-w-0 flex-1 px-3 py-3">
        <p className="truncate font-medium text-stone-900">{coupon.title}</p>
        <p className="text-xs text-stone-600">
          {coupon.threshold > 0
            ? t('line', { threshold: money(coupon.threshold), discount: money(coupon.discount) })
            : t('noThreshold', { discount: money(coupon.discount) })}
        </p>
        <p className="text-xs text-stone-400">
          {t('valid', { from: day(coupon.validFrom), until: day(coupon.validUntil) })} ·{' '}
          {coupon.auctionId === null ? t('anyAuction') : t('oneAuction')}
        </p>
      </div>
      <div className="flex shrink-0 items-center pr-3">{aside}</div>
    </div>
  );
}
