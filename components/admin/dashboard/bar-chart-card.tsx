'use client';

import { useLocale } from 'next-intl';
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { formatFen } from '@/lib/money';

type Point = { label: string; value: number };

const SHORT_LABEL = 8;

/**
 * One dashboard chart: a titled bar chart of money (fen) or counts, sized by its box so it
 * stays readable at 375 px, or the empty text when there is nothing to draw.
 */
export function BarChartCard({
  title,
  points,
  kind,
  empty,
  testId,
}: {
  title: string;
  points: Point[];
  kind: 'money' | 'count';
  empty: string;
  testId: string;
}) {
  const locale = useLocale();
  const compact = new Intl.NumberFormat(locale, { notation: 'compact', maximumFractionDigits: 1 });
  const axisValue = (value: number) => (kind === 'money' ? `¥${compact.format(value / 100)}` : compact.format(value));
  const fullValue = (value: number) => (kind === 'money' ? formatFen(value, locale) : String(value));
  const hasData = points.some((point) => point.value > 0);
  return (
    <section className="rounded-xl border border-stone-200 bg-white p-4 shadow-sm" data-testid={testId}>
      <h2 className="mb-3 text-base font-semibold text-stone-900">{title}</h2>
      {hasData ? (
        <div className="h-60 w-full">
          <ResponsiveContainer width="100%" height="100%">
            <BarChart data={points} margin={{ top: 4, right: 4, bottom: 4, left: 0 }}>
              <CartesianGrid vertical={false} stroke="#e7e5e4" />
              <XAxis
                dataKey="label"
                tick={{ fontSize: 11, fill: '#78716c' }}
                tickLine={false}
                interval="preserveStartEnd"
                minTickGap={8}
                tickFormatter={(label: string) =>
                  label.length > SHORT_LABEL ? `${label.slice(0, SHORT_LABEL)}…` : label
                }
              />
              <YAxis
                width={52}
                tick={{ fontSize: 11, fill: '#78716c' }}
                tickLine={false}
                axisLine={false}
                allowDecimals={false}
                tickFormatter={axisValue}
              />
              <Tooltip cursor={{ fill: '#f5f5f4' }} formatter={(value) => [fullValue(Number(value)), title]} />
              <Bar dataKey="value" fill="#3f7d60" radius={[4, 4, 0, 0]} maxBarSize={48} isAnimationActive={false} />
            </BarChart>
          </ResponsiveContainer>
        </div>
      ) : (
        <p className="flex h-60 items-center justify-center rounded-lg bg-stone-50 px-6 text-center text-sm text-stone-500">
          {empty}
        </p>
      )}
    </section>
  );
}
