import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { buttonClass } from './button';

/**
 * Previous / next links that keep the other query parameters. A page holding several lists
 * gives each its own `pageParam`, and `anchor` brings the reader back to that list. Past the
 * end it offers the last page; lists show their empty state only when they have no items at all.
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
  const href = (target: number) => {
    const params = new URLSearchParams({ ...query, [pageParam]: String(target) });
    return `${basePath}?${params.toString()}${anchor ? `#${anchor}` : ''}`;
  };
  // An old link or a typed address may point past the end: show the way back, not "3 of 2".
  if (page > pages)
    return (
      <nav className="mt-6 flex justify-center" aria-label="pagination">
        <Link className={buttonClass('secondary')} href={href(pages)}>
          {t('backToLastPage', { page: pages })}
        </Link>
      </nav>
    );
  if (pages <= 1) return null;
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
