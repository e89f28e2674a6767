import { useTranslations } from 'next-intl';

/**
 * An audit action's label. lib/admin/audit.ts names actions as keys under `audit.actions`,
 * which the area that records them may define; this page's own labels cover the rest, and an
 * action nobody labelled shows as recorded.
 */
export function useActionLabel(): (action: string) => string {
  const t = useTranslations();
  return (action) => {
    for (const key of [`audit.actions.${action}`, `adminAudit.actions.${action}`]) if (t.has(key)) return t(key);
    return action;
  };
}
