import { useFormatter, useTranslations } from 'next-intl';
import { useActionLabel } from '@/components/admin/audit/use-action-label';
import { Pagination } from '@/components/ui/pagination';
import type { AuditEntry } from '@/lib/admin/audit-entries';
import type { Page } from '@/lib/pagination';

function show(value: unknown): string {
  if (value === null || value === undefined) return '—';
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/** Fields the write changed, as before → after; unchanged ones are left out. */
function changes(entry: AuditEntry) {
  const keys = new Set([...Object.keys(entry.before ?? {}), ...Object.keys(entry.after ?? {})]);
  return [...keys]
    .map((key) => ({ key, before: entry.before?.[key], after: entry.after?.[key] }))
    .filter((change) => show(change.before) !== show(change.after));
}

/**
 * The back office's writes on one record (who, when, what, before → after). `pageParam`
 * names the query parameter its pagination uses, so several lists can share a page.
 */
export function AuditTrail({
  entries,
  basePath,
  pageParam,
  query,
  anchor,
}: {
  entries: Page<AuditEntry>;
  basePath: string;
  pageParam: string;
  query: Record<string, string>;
  anchor?: string;
}) {
  const t = useTranslations('auditTrail');
  const actionLabel = useActionLabel();
  const format = useFormatter();
  if (entries.items.length === 0) return <p className="text-sm text-stone-500">{t('empty')}</p>;
  return (
    <div>
      <ol className="space-y-3">
        {entries.items.map((entry) => (
          <li key={entry.id} className="rounded-lg border border-stone-100 bg-stone-50 p-3 text-sm">
            <div className="flex flex-wrap items-baseline justify-between gap-2">
              <p className="font-medium text-stone-900">
                {actionLabel(entry.action)}
                <span className="ml-2 text-xs font-normal text-stone-500">
                  {t('target', {
                    entity: t.has(`entities.${entry.entity}`) ? t(`entities.${entry.entity}`) : entry.entity,
                    id: entry.entityId ?? '—',
                  })}
                </span>
              </p>
              <p className="text-xs text-stone-500">
                {t('byAt', {
                  name: entry.adminName,
                  at: format.dateTime(entry.at, { dateStyle: 'medium', timeStyle: 'medium' }),
                })}
              </p>
            </div>
            {changes(entry).length > 0 && (
              <dl className="mt-2 grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-xs">
                {changes(entry).map((change) => (
                  <div key={change.key} className="contents">
                    <dt className="text-stone-500">{change.key}</dt>
                    <dd className="break-all text-stone-800">
                      <span className="text-red-700 line-through">{show(change.before)}</span>
                      {' → '}
                      <span className="text-brand-700">{show(change.after)}</span>
                    </dd>
                  </div>
                ))}
              </dl>
            )}
            {typeof entry.details.reason === 'string' && (
              <p className="mt-2 text-xs text-stone-600">{t('reason', { reason: entry.details.reason })}</p>
            )}
          </li>
        ))}
      </ol>
      <Pagination
        page={entries.page}
        pages={entries.pages}
        basePath={basePath}
        query={query}
        pageParam={pageParam}
        anchor={anchor}
      />
    </div>
  );
}
