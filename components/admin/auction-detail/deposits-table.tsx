import { useLocale, useTranslations } from 'next-intl';
import type { AdminDepositRow } from '@/lib/admin/auction-deposits';
import { formatFen } from '@/lib/money';
import { ManualRefundForm } from './manual-refund-form';
import { ScrollTable, tdClass, thClass } from './section';

export function DepositsTable({ deposits }: { deposits: AdminDepositRow[] }) {
  const t = useTranslations('adminRefunds');
  const locale = useLocale();
  const fen = (value: number) => formatFen(value, locale);
  return (
    <ScrollTable minWidth="min-w-[58rem]">
      <thead>
        <tr>
          <th className={thClass}>{t('colBuyer')}</th>
          <th className={thClass}>{t('colKind')}</th>
          <th className={thClass}>{t('colStatus')}</th>
          <th className={`${thClass} text-right`}>{t('colAmount')}</th>
          <th className={`${thClass} text-right`}>{t('colBalance')}</th>
          <th className={`${thClass} text-right`}>{t('colRefunded')}</th>
          <th className={`${thClass} text-right`}>{t('colForfeited')}</th>
          <th className={thClass}>{t('colAction')}</th>
        </tr>
      </thead>
      <tbody>
        {deposits.map((deposit) => (
          <tr key={deposit.id} data-testid={`deposit-${deposit.id}`}>
            <td className={tdClass}>
              <p className="font-medium whitespace-nowrap text-stone-900">{deposit.buyerName}</p>
              {deposit.buyerPhone && <p className="text-xs text-stone-500">{deposit.buyerPhone}</p>}
            </td>
            <td className={tdClass}>
              {deposit.kind === 'session' ? t('kindSession') : t('kindLot', { lot: deposit.lotTitle ?? '' })}
            </td>
            <td className={`${tdClass} whitespace-nowrap`}>{t(`depositStatus.${deposit.status}`)}</td>
            <td className={`${tdClass} text-right tabular-nums`}>{fen(deposit.amount)}</td>
            <td className={`${tdClass} text-right tabular-nums`}>{fen(deposit.balance)}</td>
            <td className={`${tdClass} text-right tabular-nums`}>{fen(deposit.refundedAmount)}</td>
            <td className={`${tdClass} text-right tabular-nums`}>{fen(deposit.forfeitedAmount)}</td>
            <td className={`${tdClass} min-w-56`}>
              {(deposit.status === 'held' || deposit.status === 'frozen') && deposit.balance > 0 ? (
                deposit.owed || deposit.bidding ? (
                  <span className="text-xs text-stone-500">{t(deposit.owed ? 'owedHint' : 'biddingHint')}</span>
                ) : (
                  <ManualRefundForm depositId={deposit.id} buyerName={deposit.buyerName} balance={deposit.balance} />
                )
              ) : (
                <span className="text-xs text-stone-400">—</span>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </ScrollTable>
  );
}
