'use client';

import { useTranslations } from 'next-intl';
import { Button } from '@/components/ui/button';

/**
 * The second step of a destructive form: says what will happen (amounts, counts) and asks
 * once more. Confirm submits the form it sits in; Back returns to editing.
 */
export function ConfirmPanel({
  lines,
  pending,
  onBack,
  confirmLabel,
}: {
  lines: string[];
  pending: boolean;
  onBack: () => void;
  confirmLabel: string;
}) {
  const t = useTranslations('adminRefunds');
  return (
    <div
      className="space-y-3 rounded-lg border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900"
      role="alertdialog"
    >
      <p className="font-medium">{t('confirmTitle')}</p>
      <ul className="list-disc space-y-1 pl-5">
        {lines.map((line) => (
          <li key={line}>{line}</li>
        ))}
      </ul>
      <div className="flex flex-wrap gap-2">
        <Button type="submit" pending={pending} className="bg-red-700 hover:bg-red-800">
          {confirmLabel}
        </Button>
        <Button type="button" variant="secondary" onClick={onBack} disabled={pending}>
          {t('back')}
        </Button>
      </div>
    </div>
  );
}
