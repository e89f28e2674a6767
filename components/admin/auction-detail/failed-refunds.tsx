import { useFormatter, useLocale, useTranslations } from 'next-intl';
import type { FailedRefundRow } from '@/lib/admin/failed-refunds';
import { formatFen } from '@/lib/money';
import { RetryRefundButton } from './retry-refund-button';
import { ScrollTable, tdClass, thClass } from './section';

/** Refunds the outbox gave up on; each can be sent again with its original idempotency key. */
export function FailedRefunds({ refunds, total }: { refunds: FailedRefundRow[]; total: number }) {
  const t = useTranslations('adminRefunds');
  const format = useFormatter();
  const locale = useLocale();
  if (refunds.length === 0) return <p className="text-sm text-stone-500">{t('noFailed')}</p>;
  return (
    <div className="space-y-2">
      {total > refunds.length && (
        <p className="text-xs text-stone-500">{t('failedShown', { shown: refunds.length, total })}</p>
      )}
      <ScrollTable>
        <thead>
          <tr>
            <th className={thClass}>{t('colBuyer')}</th>
            <th className={`${thClass} text-right`}>{t('colAmount')}</th>
            <th className={thClass}>{t('colReason')}</th>
            <th className={thClass}>{t('colLastError')}</th>
            <th className={thClass}>{t('colAction')}</th>
          </tr>
        </thead>
        <tbody>
          {refunds.map((refund) => (
            <tr key={refund.id} data-testid={`failed-refund-${refund.id}`}>
              <td className={tdClass}>{refund.buyerName}</td>
              <td className={`${tdClass} text-right tabular-nums`}>{formatFen(refund.amount, locale)}</td>
              <td className={tdClass}>
                {t.has(`reasons.${refund.reason}`) ? t(`reasons.${refund.reason}`) : refund.reason}
              </td>
              <td className={`${tdClass} max-w-64 text-xs text-stone-600`}>
                <p className="break-words">{refund.lastError ?? '—'}</p>
                <p className="text-stone-400">
                  {t('attempts', { count: refund.attempts })} ·{' '}
                  {format.dateTime(refund.failedAt, { dateStyle: 'short', timeStyle: 'short' })}
                </p>
              </td>
              <td className={tdClass}>
                <RetryRefundButton refundId={refund.id} />
              </td>
            </tr>
          ))}
        </tbody>
      </ScrollTable>
    </div>
  );
}
