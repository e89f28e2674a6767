import { useLocale, useTranslations } from 'next-intl';
import { formatFen } from '@/lib/money';

/** Fields stored in fen: shown as ¥. */
const MONEY_FIELDS = new Set([
  'threshold',
  'discount',
  'amount',
  'dealPrice',
  'startPrice',
  'reservePrice',
  'depositAmount',
  'totalPrice',
  'estimateLow',
  'estimateHigh',
]);

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;

type Format = (value: Date) => string;

/** One stored value as an operator reads it: times on the app's clock, lists joined, nothing as a dash. */
function shown(value: unknown, formatInstant: Format): string {
  if (value === null || value === undefined) return '—';
  if (typeof value === 'string') return ISO_INSTANT.test(value) ? formatInstant(new Date(value)) : value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value))
    return value.length === 0 ? '—' : value.map((item) => shown(item, formatInstant)).join(', ');
  // A buyer in a grant's outcome: who, and the limit they hit.
  if (typeof value === 'object' && 'userId' in value) {
    const { userId, reason } = value as { userId: unknown; reason?: unknown };
    return reason ? `#${String(userId)} (${String(reason)})` : `#${String(userId)}`;
  }
  return JSON.stringify(value);
}

const record = (value: unknown): Record<string, unknown> =>
  value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};

/** An entry's data: each touched field as before → after, then anything else it kept. */
export function AuditChange({ data, formatInstant }: { data: Record<string, unknown>; formatInstant: Format }) {
  const t = useTranslations('adminAudit');
  const locale = useLocale();
  const value = (field: string, raw: unknown) =>
    MONEY_FIELDS.has(field) && typeof raw === 'number' ? formatFen(raw, locale) : shown(raw, formatInstant);
  const label = (field: string) => (t.has(`fields.${field}`) ? t(`fields.${field}`) : field);
  const { before, after, ...details } = data;
  const was = record(before);
  const became = record(after);
  const fields = [...new Set([...Object.keys(was), ...Object.keys(became)])];
  const extra = Object.entries(details);
  if (fields.length === 0 && extra.length === 0) return <span className="text-stone-400">—</span>;
  return (
    <dl className="space-y-0.5 text-xs">
      {fields.map((field) => (
        <div key={field} className="flex flex-wrap gap-x-1.5">
          <dt className="font-medium text-stone-600">{label(field)}:</dt>
          <dd className="text-stone-800">
            {field in was && (
              <span className="text-red-700 line-through decoration-red-300">{value(field, was[field])}</span>
            )}
            {field in was && field in became && <span className="px-1 text-stone-400">→</span>}
            {field in became && <span className="text-brand-700">{value(field, became[field])}</span>}
          </dd>
        </div>
      ))}
      {extra.map(([key, detail]) => (
        <div key={key} className="flex flex-wrap gap-x-1.5 text-stone-500">
          <dt>{label(key)}:</dt>
          <dd className="break-all">{shown(detail, formatInstant)}</dd>
        </div>
      ))}
    </dl>
  );
}
