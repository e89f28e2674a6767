import { useFormatter, useTranslations } from 'next-intl';
import { cn } from '@/components/ui/cn';
import type { AdminUserRow } from '@/lib/users/list-users';
import { UserActions } from './user-actions';

type Props = { rows: AdminUserRow[]; selfId: number; strikeLimit: number };

/** A table from 768 px up; below that, one card per user so the actions stay in reach at 375 px. */
export function UserTable(props: Props) {
  return (
    <>
      <UserCards {...props} />
      <div className="hidden md:block">
        <UserRows {...props} />
      </div>
    </>
  );
}

function BiddingState({ row }: { row: AdminUserRow }) {
  const t = useTranslations('adminUsers');
  const format = useFormatter();
  if (row.biddingBlockedAt)
    return (
      <span className="text-red-700">
        {t('biddingBlockedSince', {
          date: format.dateTime(row.biddingBlockedAt, { dateStyle: 'short', timeStyle: 'short' }),
        })}
      </span>
    );
  return <span className="text-brand-700">{row.role === 'buyer' ? t('biddingAllowed') : '—'}</span>;
}

function UserCards({ rows, selfId, strikeLimit }: Props) {
  const t = useTranslations('adminUsers');
  return (
    <ul className="space-y-3 md:hidden">
      {rows.map((row) => (
        <li
          key={row.id}
          className="rounded-xl border border-stone-200 bg-white p-4 shadow-sm"
          data-testid={`user-card-${row.id}`}
        >
          <p className="font-medium text-stone-900">
            {row.name}
            {row.id === selfId && <span className="ml-2 text-xs text-stone-500">{t('you')}</span>}
          </p>
          <p className="break-all text-sm text-stone-500">{[row.phone, row.email].filter(Boolean).join(' · ')}</p>
          <p className="mt-2 text-sm text-stone-700">
            {t(`role.${row.role}`)}
            {row.role === 'buyer' && (
              <span className={row.strikes >= strikeLimit ? 'font-semibold text-red-700' : undefined}>
                {' · '}
                {t('colStrikes')} {t('strikesOf', { strikes: row.strikes, limit: strikeLimit })}
              </span>
            )}
          </p>
          <p className="text-sm">
            <BiddingState row={row} />
          </p>
          <div className="mt-3">
            <UserActions user={row} self={row.id === selfId} />
          </div>
        </li>
      ))}
    </ul>
  );
}

function UserRows({ rows, selfId, strikeLimit }: Props) {
  const t = useTranslations('adminUsers');
  return (
    <div className="overflow-x-auto rounded-xl border border-stone-200 bg-white shadow-sm">
      <table className="w-full min-w-[56rem] text-left text-sm" data-testid="user-table">
        <thead className="whitespace-nowrap border-b border-stone-200 bg-stone-50 text-xs text-stone-500">
          <tr>
            <th className="px-4 py-3 font-medium">{t('colUser')}</th>
            <th className="px-4 py-3 font-medium">{t('colRole')}</th>
            <th className="px-4 py-3 text-right font-medium">{t('colStrikes')}</th>
            <th className="px-4 py-3 font-medium">{t('colBidding')}</th>
            <th className="px-4 py-3 font-medium">{t('colActions')}</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-stone-100">
          {rows.map((row) => (
            <tr key={row.id} className="align-top" data-testid={`user-row-${row.id}`}>
              <td className="px-4 py-3">
                <p className="font-medium text-stone-900">
                  {row.name}
                  {row.id === selfId && <span className="ml-2 text-xs text-stone-500">{t('you')}</span>}
                </p>
                <p className="text-stone-500">{[row.phone, row.email].filter(Boolean).join(' · ')}</p>
                {row.blocked && <p className="text-xs text-red-600">{t('accountBlocked')}</p>}
              </td>
              <td className="whitespace-nowrap px-4 py-3 text-stone-700">{t(`role.${row.role}`)}</td>
              <td
                className={cn(
                  'whitespace-nowrap px-4 py-3 text-right tabular-nums',
                  row.strikes >= strikeLimit ? 'font-semibold text-red-700' : 'text-stone-700',
                )}
              >
                {row.role === 'buyer' ? t('strikesOf', { strikes: row.strikes, limit: strikeLimit }) : '—'}
              </td>
              <td className="whitespace-nowrap px-4 py-3" data-testid="bidding-state">
                <BiddingState row={row} />
              </td>
              <td className="w-80 px-4 py-3">
                <UserActions user={row} self={row.id === selfId} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
