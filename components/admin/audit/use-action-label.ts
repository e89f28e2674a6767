import { useTranslations } from 'next-intl';

/**
 * An audit action's label: every action recordAdminAudit writes (`auction.publish`, …) has one
 * under `audit.actions`; one written by an older version and since renamed shows as recorded.
 */
export function useActionLabel(): (action: string) => string {
  const t = useTranslations('audit.actions');
  return (action) => (t.has(action) ? t(action) : action);
}
