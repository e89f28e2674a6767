'use client';

import { useTranslations } from 'next-intl';
import { useEffect, useState } from 'react';

const pad = (value: number) => String(value).padStart(2, '0');

/**
 * Time left until `dueAt`, counted from the server's clock: the page passes the server's
 * `now`, and the offset to this device's clock is taken once at mount, so a phone whose
 * clock is wrong still shows the right time left.
 */
export function PayCountdown({ dueAt, serverNow }: { dueAt: string; serverNow: string }) {
  const t = useTranslations('accountOrders');
  const [left, setLeft] = useState(() => new Date(dueAt).getTime() - new Date(serverNow).getTime());
  useEffect(() => {
    const offset = new Date(serverNow).getTime() - Date.now();
    const due = new Date(dueAt).getTime();
    const update = () => setLeft(due - (Date.now() + offset));
    const timer = window.setInterval(update, 1_000);
    return () => window.clearInterval(timer);
  }, [dueAt, serverNow]);
  if (left <= 0) return <span className="text-sm text-red-700">{t('expired')}</span>;
  const seconds = Math.floor(left / 1_000);
  return (
    <span className="font-mono text-base font-semibold tabular-nums text-seal-600" data-testid="pay-countdown">
      {pad(Math.floor(seconds / 3_600))}:{pad(Math.floor((seconds % 3_600) / 60))}:{pad(seconds % 60)}
    </span>
  );
}
