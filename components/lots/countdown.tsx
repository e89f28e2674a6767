'use client';

import { useTranslations } from 'next-intl';
import { useEffect, useState } from 'react';

const SECOND = 1_000;

function parts(ms: number) {
  const total = Math.max(0, Math.floor(ms / SECOND));
  return {
    days: Math.floor(total / 86_400),
    hours: Math.floor((total % 86_400) / 3_600),
    minutes: Math.floor((total % 3_600) / 60),
    seconds: total % 60,
  };
}

const two = (value: number) => String(value).padStart(2, '0');

/**
 * Time left until `target`, ticking each second on the server's clock: `offsetMs` (server
 * minus device) comes from the page's polls, or from `serverNow` when the page rendered.
 */
export function Countdown({
  target,
  serverNow,
  offsetMs,
  className,
}: {
  target: string;
  serverNow?: string;
  offsetMs?: number;
  className?: string;
}) {
  const t = useTranslations('lotPage');
  const [ownOffset] = useState(() => (serverNow ? Date.parse(serverNow) - Date.now() : 0));
  const offset = offsetMs ?? ownOffset;
  const [deviceNow, setDeviceNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setDeviceNow(Date.now()), SECOND);
    return () => clearInterval(timer);
  }, []);
  const left = Date.parse(target) - (deviceNow + offset);
  if (left <= 0) return <span className={className}>{t('countdownOver')}</span>;
  const { days, hours, minutes, seconds } = parts(left);
  const clock = `${two(hours)}:${two(minutes)}:${two(seconds)}`;
  return (
    <span className={className} suppressHydrationWarning data-testid="countdown">
      {days > 0 ? t('countdownDays', { days, clock }) : clock}
    </span>
  );
}
