'use client';

import { useEffect, useRef } from 'react';

/**
 * Runs `poll` every `everyMs` while the tab is visible: paused when hidden, at once when the
 * tab is back in view (then `onVisible` runs too), and after failures slower (doubling up to
 * `maxBackoffMs`) until one succeeds. The latest `poll` and `onVisible` are used without
 * restarting the loop.
 */
export function useVisiblePoll(
  poll: () => Promise<unknown>,
  { everyMs, maxBackoffMs, onVisible }: { everyMs: number; maxBackoffMs: number; onVisible?: () => void },
) {
  const latest = useRef({ poll, onVisible });
  useEffect(() => {
    latest.current = { poll, onVisible };
  });

  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    let delay = everyMs;
    let stopped = false;
    const schedule = () => {
      if (!stopped && document.visibilityState === 'visible') timer = setTimeout(run, delay);
    };
    const run = async () => {
      try {
        await latest.current.poll();
        delay = everyMs;
      } catch {
        delay = Math.min(delay * 2, maxBackoffMs);
      }
      schedule();
    };
    const onVisibility = () => {
      clearTimeout(timer);
      // Back in view: catch up at once rather than after a full interval.
      if (document.visibilityState === 'visible') {
        latest.current.onVisible?.();
        void run();
      }
    };
    schedule();
    document.addEventListener('visibilitychange', onVisibility);
    return () => {
      stopped = true;
      clearTimeout(timer);
      document.removeEventListener('visibilitychange', onVisibility);
    };
  }, [everyMs, maxBackoffMs]);
}
