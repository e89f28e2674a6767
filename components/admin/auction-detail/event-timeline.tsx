import { useFormatter, useTranslations } from 'next-intl';
import type { TimelineEntry } from '@/lib/admin/auction-timeline';

/** The lifecycle log: each hop of the auction, its lots, orders and deposits, newest first. */
export function EventTimeline({ entries }: { entries: TimelineEntry[] }) {
  const t = useTranslations('adminAuctionDetail');
  const format = useFormatter();
  const status = (name: string) => (t.has(`statuses.${name}`) ? t(`statuses.${name}`) : name);
  if (entries.length === 0) return <p className="text-sm text-stone-500">{t('noEvents')}</p>;
  return (
    <ol className="space-y-2 border-l-2 border-stone-200 pl-4">
      {entries.map((entry) => (
        <li key={entry.id} className="relative text-sm">
          <span className="absolute top-1.5 -left-[1.3rem] size-2 rounded-full bg-brand-500" aria-hidden />
          <p className="text-stone-800">
            <span className="font-medium">{t(`entity.${entry.entity}`)}</span>
            {entry.label && <span className="text-stone-600"> · {entry.label}</span>}{' '}
            <span className="text-stone-500">
              {status(entry.fromStatus)} → <span className="font-medium text-stone-800">{status(entry.toStatus)}</span>
            </span>
          </p>
          <p className="text-xs text-stone-500">
            {format.dateTime(entry.at, { dateStyle: 'medium', timeStyle: 'medium' })} · {entry.actorName ?? t('system')}
          </p>
        </li>
      ))}
    </ol>
  );
}
