import { useTranslations } from 'next-intl';
import type { OrderStatus } from '@/db/schema';
import { cn } from '@/components/ui/cn';

const tones: Record<OrderStatus, string> = {
  pending_payment: 'bg-seal-500 text-white ring-seal-600',
  confirming_payment: 'bg-amber-50 text-amber-700 ring-amber-200',
  paid: 'bg-brand-50 text-brand-700 ring-brand-200',
  shipped: 'bg-sky-50 text-sky-700 ring-sky-200',
  completed: 'bg-stone-100 text-stone-600 ring-stone-200',
  overdue: 'bg-red-50 text-red-700 ring-red-200',
  cancelled: 'bg-stone-100 text-stone-500 ring-stone-200',
};

/** An order's status at `now`, as its machine reads it. */
export function OrderStatusBadge({ status, className }: { status: OrderStatus; className?: string }) {
  const t = useTranslations('accountOrderStatus');
  return (
    <span
      data-testid="order-status"
      className={cn(
        'inline-flex items-center whitespace-nowrap rounded-full px-2.5 py-0.5 text-xs font-medium ring-1 ring-inset',
        tones[status],
        className,
      )}
    >
      {t(status)}
    </span>
  );
}
