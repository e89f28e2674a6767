import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { buttonClass } from './button';

/**
 * Previous / next links that keep the other query parameters. A page holding several lists
 * gives each its own `pageParam`, and `anchor` brings the reader back to that list.
 */
export function Pagination({
  page,
  pages,
  basePath,
  query = {},
  pageParam = 'page',
  anchor,
}: {
  page: number;
  pages: number;
  basePath: string;
  query?: Record<string, string>;
  pageParam?: string;
  anchor?: string;
}) {
  const t = useTranslations('common');
  if (pages <= 1) return null;
  const href = (target: number) => {
    const params = new URLSearchParams({ ...query, [pageParam]: String(target) });
    return `${basePath}?${params.toString()}${anchor ? `#${anchor}` : ''}`;
  };
  return (
    <nav className="mt-6 flex items-center justify-between gap-3" aria-label="pagination">
      {page > 1 ? (
        <Link className={buttonClass('secondary')} href={href(page - 1)}>
          {t('previous')}
        </Link>
      ) : (
        <span className={buttonClass('secondary', 'invisible')}>{t('previous')}</span>
      )}
      <span className="text-sm text-stone-500">{t('pageOf', { page, pages })}</span>
      {page < pages ? (
        <Link className={buttonClass('secondary')} href={href(page + 1)}>
          {t('next')}
        </Link>
      ) : (
        <span className={buttonClass('secondary', 'invisible')}>{t('next')}</span>
      )}
    </nav>
  );
}
