'use client';

import { useTranslations } from 'next-intl';
import { useServerNow } from './server-clock';

const SECOND = 1_000;
const DAY_SECONDS = 86_400;

const two = (value: number) => String(value).padStart(2, '0');

/** HH:MM:SS of `seconds`; with `withDays` the whole days are split off first. */
function clockOf(seconds: number, withDays: boolean) {
  const days = withDays ? Math.floor(seconds / DAY_SECONDS) : 0;
  const rest = seconds - days * DAY_SECONDS;
  return { days, clock: `${two(Math.floor(rest / 3_600))}:${two(Math.floor((rest % 3_600) / 60))}:${two(rest % 60)}` };
}

/**
 * Time left until `target` on the server's clock (components/time/server-clock.ts), never the
 * device's, ticking each second. `serverNow` is the page's server time, used only until the
 * document's clock is measured. Variants: `withDays` splits off days ("2 天 03:04:05"),
 * `overLabel`/`overClassName` say what shows once the time is up, `testId` names it for tests.
 */
export function Countdown({
  target,
  serverNow,
  className,
  overLabel,
  overClassName,
  withDays = true,
  testId = 'countdown',
}: {
  target: string;
  serverNow?: string;
  className?: string;
  overLabel?: string;
  overClassName?: string;
  withDays?: boolean;
  testId?: string;
}) {
  const t = useTranslations('lotPage');
  const left = Date.parse(target) - useServerNow(serverNow);
  if (left <= 0) {
    return (
      <span className={overClassName ?? className} suppressHydrationWarning>
        {overLabel ?? t('countdownOver')}
      </span>
    );
  }
  const { days, clock } = clockOf(Math.floor(left / SECOND), withDays);
  return (
    <time dateTime={target} className={className} suppressHydrationWarning data-testid={testId}>
      {days > 0 ? t('countdownDays', { days, clock }) : clock}
    </time>
  );
}
