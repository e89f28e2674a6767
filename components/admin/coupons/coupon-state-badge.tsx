import { useTranslations } from 'next-intl';
import { cn } from '@/components/ui/cn';
import type { CouponState } from '@/lib/coupons/list-coupons';

const tones: Record<CouponState, string> = {
  active: 'bg-brand-50 text-brand-700 ring-brand-200',
  notStarted: 'bg-sky-50 text-sky-700 ring-sky-200',
  soldOut: 'bg-amber-50 text-amber-700 ring-amber-200',
  expired: 'bg-stone-100 text-stone-500 ring-stone-200',
  disabled: 'bg-red-50 text-red-700 ring-red-200',
};

export function CouponStateBadge({ state }: { state: CouponState }) {
  const t = useTranslations('adminCoupons.state');
  return (
    <span
      className={cn(
        'inline-flex items-center whitespace-nowrap rounded-full px-2.5 py-0.5 text-xs font-medium ring-1 ring-inset',
        tones[state],
      )}
      data-testid="coupon-state"
    >
      {t(state)}
    </span>
  );
}
