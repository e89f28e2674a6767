import Link from 'next/link';
import { useFormatter, useTranslations } from 'next-intl';
import type { AuditEntry } from '@/lib/admin/list-audit-log';
import { AuditChange } from './audit-change';
import { useActionLabel } from './use-action-label';

/** Where an entity's own page is, for the entities that have one. */
const entityPage: Record<string, (id: number) => string> = {
  auction: (id) => `/admin/auctions/${id}`,
  order: (id) => `/admin/orders/${id}`,
  coupon: (id) => `/admin/coupons/${id}`,
};

export function AuditTable({ rows }: { rows: AuditEntry[] }) {
  const t = useTranslations('adminAudit');
  const actionLabel = useActionLabel();
  const format = useFormatter();
  const formatInstant = (value: Date) => format.dateTime(value, { dateStyle: 'short', timeStyle: 'medium' });
  return (
    <div className="overflow-x-auto rounded-xl border border-stone-200 bg-white shadow-sm">
      <table className="w-full min-w-[52rem] text-left text-sm" data-testid="audit-table">
        <thead className="whitespace-nowrap border-b border-stone-200 bg-stone-50 text-xs text-stone-500">
          <tr>
            <th className="px-4 py-3 font-medium">{t('colAt')}</th>
            <th className="px-4 py-3 font-medium">{t('colAdmin')}</th>
            <th className="px-4 py-3 font-medium">{t('colAction')}</th>
            <th className="px-4 py-3 font-medium">{t('colEntity')}</th>
            <th className="px-4 py-3 font-medium">{t('colChange')}</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-stone-100">
          {rows.map((row) => {
            const label = `${t.has(`entities.${row.entity}`) ? t(`entities.${row.entity}`) : row.entity}${row.entityId === null ? '' : ` #${row.entityId}`}`;
            const href = row.entityId === null ? undefined : entityPage[row.entity]?.(row.entityId);
            return (
              <tr key={row.id} className="align-top" data-testid="audit-row">
                <td className="whitespace-nowrap px-4 py-3 text-stone-600">
                  {formatInstant(row.at)}
                  {row.ip && <p className="text-xs text-stone-400">{row.ip}</p>}
                </td>
                <td className="whitespace-nowrap px-4 py-3 text-stone-800">{row.adminName}</td>
                <td className="px-4 py-3 font-medium text-stone-900">{actionLabel(row.action)}</td>
                <td className="whitespace-nowrap px-4 py-3">
                  {href ? (
                    <Link href={href} className="text-brand-700 hover:underline">
                      {label}
                    </Link>
                  ) : (
                    label
                  )}
                </td>
                <td className="px-4 py-3">
                  <AuditChange data={row.data} formatInstant={formatInstant} />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
