'use client';

import { useEffect, useState } from 'react';

const pad = (value: number) => String(value).padStart(2, '0');

/** d HH:MM:SS (or HH:MM:SS under a day) until `remainingMs` runs out. */
function formatRemaining(remainingMs: number): string {
  const seconds = Math.max(0, Math.floor(remainingMs / 1000));
  const days = Math.floor(seconds / 86_400);
  const clock = `${pad(Math.floor((seconds % 86_400) / 3600))}:${pad(Math.floor((seconds % 3600) / 60))}:${pad(seconds % 60)}`;
  return days > 0 ? `${days}d ${clock}` : clock;
}

/**
 * Counts down to `target` on the server's clock, never the device's: the page renders with
 * the server's `serverNow`, and the browser keeps the offset between that and its own clock
 * (measured once, on arrival), so a phone set wrong still shows the real time left.
 */
export function Countdown({ target, serverNow, className }: { target: string; serverNow: string; className?: string }) {
  const targetMs = Date.parse(target);
  const [remaining, setRemaining] = useState(() => targetMs - Date.parse(serverNow));
  useEffect(() => {
    const offset = Date.parse(serverNow) - Date.now();
    const update = () => setRemaining(targetMs - (Date.now() + offset));
    update();
    const timer = window.setInterval(update, 1000);
    return () => window.clearInterval(timer);
  }, [targetMs, serverNow]);
  return (
    <time dateTime={target} className={className} suppressHydrationWarning>
      {formatRemaining(remaining)}
    </time>
  );
}
