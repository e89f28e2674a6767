import { useTranslations } from 'next-intl';
import type { AuctionStatus, LotStatus } from '@/db/schema';
import { cn } from './cn';

const tones: Record<AuctionStatus | LotStatus, string> = {
  draft: 'bg-stone-100 text-stone-600 ring-stone-200',
  scheduled: 'bg-sky-50 text-sky-700 ring-sky-200',
  preview: 'bg-amber-50 text-amber-700 ring-amber-200',
  live: 'bg-seal-500 text-white ring-seal-600',
  ended: 'bg-stone-100 text-stone-600 ring-stone-200',
  cancelled: 'bg-stone-100 text-stone-500 ring-stone-200 line-through',
  sold: 'bg-brand-50 text-brand-700 ring-brand-200',
  unsold: 'bg-stone-100 text-stone-500 ring-stone-200',
  paid: 'bg-brand-50 text-brand-700 ring-brand-200',
  overdue: 'bg-red-50 text-red-700 ring-red-200',
};

export function StatusBadge({ status, className }: { status: AuctionStatus | LotStatus; className?: string }) {
  const t = useTranslations('status');
  return (
    <span
      className={cn(
        'inline-flex items-center whitespace-nowrap rounded-full px-2.5 py-0.5 text-xs font-medium ring-1 ring-inset',
        tones[status],
        className,
      )}
    >
      {status === 'live' && <span className="mr-1.5 size-1.5 animate-pulse rounded-full bg-white" aria-hidden />}
      {t(status)}
    </span>
  );
}
