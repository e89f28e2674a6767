import { useTranslations } from 'next-intl';
import { buttonClass } from '@/components/ui/button';
import { AUDITED_ENTITIES, type AuditFilter } from '@/lib/admin/list-audit-log';
import { useActionLabel } from './use-action-label';

/** A plain GET form: the filters live in the URL, so a filtered log can be shared and paged. */
export function AuditFilters({
  filter,
  admins,
  actions,
}: {
  filter: AuditFilter;
  admins: { id: number; name: string }[];
  actions: string[];
}) {
  const t = useTranslations('adminAudit');
  const actionLabel = useActionLabel();
  const field = 'h-11 w-full rounded-lg border border-stone-300 bg-white px-3 text-base shadow-sm sm:text-sm';
  const labelled = (label: string, control: React.ReactNode) => (
    <label className="block text-xs font-medium text-stone-600">
      {label}
      <div className="mt-1">{control}</div>
    </label>
  );
  return (
    <form method="get" action="/admin/audit" className="grid grid-cols-2 gap-3 md:grid-cols-6" role="search">
      {labelled(
        t('filterAdmin'),
        <select name="admin" defaultValue={filter.admin ?? ''} className={field}>
          <option value="">{t('all')}</option>
          {admins.map((admin) => (
            <option key={admin.id} value={admin.id}>
              {admin.name}
            </option>
          ))}
        </select>,
      )}
      {labelled(
        t('filterEntity'),
        <select name="entity" defaultValue={filter.entity ?? ''} className={field}>
          <option value="">{t('all')}</option>
          {AUDITED_ENTITIES.map((entity) => (
            <option key={entity} value={entity}>
              {t(`entities.${entity}`)}
            </option>
          ))}
        </select>,
      )}
      {labelled(
        t('filterAction'),
        <select name="action" defaultValue={filter.action ?? ''} className={field}>
          <option value="">{t('all')}</option>
          {actions.map((action) => (
            <option key={action} value={action}>
              {actionLabel(action)}
            </option>
          ))}
        </select>,
      )}
      {labelled(t('filterFrom'), <input type="date" name="from" defaultValue={filter.from ?? ''} className={field} />)}
      {labelled(t('filterTo'), <input type="date" name="to" defaultValue={filter.to ?? ''} className={field} />)}
      <div className="flex items-end">
        <button type="submit" className={buttonClass('secondary', 'w-full')}>
          {t('apply')}
        </button>
      </div>
    </form>
  );
}
