'use client';

import { useCallback, useEffect, useRef, useState } from 'react';
import type { LotLive, MyLotState } from '@/lib/api/v1/schemas';

/** Polled this often while the tab is visible, so a bid shows on every open page well within 2 s. */
const POLL_MS = 800;
/** After failures the poll slows down (doubling) to this, and speeds up again on success. */
const MAX_BACKOFF_MS = 30_000;

async function getJson<T>(url: string): Promise<T> {
  const response = await fetch(url, { cache: 'no-store', headers: { accept: 'application/json' } });
  if (!response.ok) throw new Error(`${url}: ${response.status}`);
  return (await response.json()) as T;
}

/**
 * The lot's live state, kept fresh by short polling of the public read API (works on any
 * host, Vercel included), and the caller's own state from its private route, refetched only
 * when the lot changed. `offsetMs` is the server's clock minus the device's, measured on every
 * answer, so countdowns never trust the device clock.
 */
export function useLiveLot(initial: LotLive, initialMine: MyLotState) {
  const [live, setLive] = useState(initial);
  const [mine, setMine] = useState(initialMine);
  const [offsetMs, setOffsetMs] = useState(() => Date.parse(initial.serverNow) - Date.now());
  const last = useRef({ bidCount: initial.bidCount, status: initial.status, endsAt: initial.endsAt });

  const refreshMine = useCallback(async () => {
    if (!initialMine.signedIn) return;
    setMine(await getJson<MyLotState>(`/api/v1/lots/${initial.id}/me`));
  }, [initial.id, initialMine.signedIn]);

  const poll = useCallback(async () => {
    const sentAt = Date.now();
    const next = await getJson<LotLive>(`/api/v1/lots/${initial.id}`);
    const receivedAt = Date.now();
    // The server read its clock about halfway through the round trip.
    setOffsetMs(Date.parse(next.serverNow) - (sentAt + receivedAt) / 2);
    setLive(next);
    const changed =
      next.bidCount !== last.current.bidCount ||
      next.status !== last.current.status ||
      next.endsAt !== last.current.endsAt;
    last.current = { bidCount: next.bidCount, status: next.status, endsAt: next.endsAt };
    if (changed) await refreshMine();
  }, [initial.id, refreshMine]);

  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    let delay = POLL_MS;
    let stopped = false;
    const schedule = () => {
      if (!stopped && document.visibilityState === 'visible') timer = setTimeout(run, delay);
    };
    const run = async () => {
      try {
        await poll();
        delay = POLL_MS;
      } catch {
        delay = Math.min(delay * 2, MAX_BACKOFF_MS);
      }
      schedule();
    };
    const onVisibility = () => {
      clearTimeout(timer);
      // Back in view: catch up at once rather than after a full interval.
      if (document.visibilityState === 'visible') void run();
    };
    schedule();
    document.addEventListener('visibilitychange', onVisibility);
    return () => {
      stopped = true;
      clearTimeout(timer);
      document.removeEventListener('visibilitychange', onVisibility);
    };
  }, [poll]);

  /** After the caller's own bid: both parts at once, without waiting for the next tick. */
  const refresh = useCallback(async () => {
    await Promise.allSettled([poll(), refreshMine()]);
  }, [poll, refreshMine]);

  return { live, mine, offsetMs, refresh };
}
