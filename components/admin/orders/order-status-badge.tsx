import { useTranslations } from 'next-intl';
import type { OrderStatus } from '@/db/schema';
import { cn } from '@/components/ui/cn';

const tones: Record<OrderStatus, string> = {
  pending_payment: 'bg-amber-50 text-amber-700 ring-amber-200',
  confirming_payment: 'bg-sky-50 text-sky-700 ring-sky-200',
  paid: 'bg-brand-50 text-brand-700 ring-brand-200',
  shipped: 'bg-indigo-50 text-indigo-700 ring-indigo-200',
  completed: 'bg-stone-100 text-stone-600 ring-stone-200',
  overdue: 'bg-red-50 text-red-700 ring-red-200',
  cancelled: 'bg-stone-100 text-stone-500 ring-stone-200 line-through',
};

export function OrderStatusBadge({ status }: { status: OrderStatus }) {
  const t = useTranslations('adminOrders.status');
  return (
    <span
      className={cn(
        'inline-flex items-center whitespace-nowrap rounded-full px-2.5 py-0.5 text-xs font-medium ring-1 ring-inset',
        tones[status],
      )}
    >
      {t(status)}
    </span>
  );
}
