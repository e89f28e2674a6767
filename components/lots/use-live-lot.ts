'use client';

import { useCallback, useEffect, useRef, useState } from 'react';
import { serverClock } from '@/components/time/server-clock';
import type { LotLive, MyLotState } from '@/lib/api/v1/schemas';
import { getJson } from '@/components/polling/get-json';
import { useVisiblePoll } from '@/components/polling/use-visible-poll';
import { isOlderReading } from './live-order';

/** Polled this often while the tab is visible, so a bid shows on every open page well within 2 s. */
const POLL_MS = 800;
/** After failures the poll slows down (doubling) to this, and speeds up again on success. */
const MAX_BACKOFF_MS = 30_000;
/** The shared clock is re-measured this often while the lot is open, and whenever the tab is back in view. */
const CLOCK_REMEASURE_MS = 5 * 60_000;

/**
 * The lot's live state, kept fresh by short polling of the public read API (works on any
 * host, Vercel included), and the caller's own state from its private route, refetched only
 * when the lot changed. The public answer may come from a shared cache, so it neither sets
 * the clock (countdowns use the document's no-store clock, components/time/server-clock.ts,
 * which this hook re-measures) nor replaces a newer reading: the page never goes backwards.
 */
export function useLiveLot(initial: LotLive, initialMine: MyLotState) {
  const [live, setLive] = useState(initial);
  const [mine, setMine] = useState(initialMine);
  const applied = useRef<LotLive>(initial);

  const refreshMine = useCallback(async () => {
    if (!initialMine.signedIn) return;
    setMine(await getJson<MyLotState>(`/api/v1/lots/${initial.id}/me`));
  }, [initial.id, initialMine.signedIn]);

  /** Shows `next` unless it is older than what is shown; answers whether the lot changed. */
  const apply = useCallback((next: LotLive): boolean => {
    const shown = applied.current;
    if (isOlderReading(next, shown)) return false;
    applied.current = next;
    setLive(next);
    return next.bidCount !== shown.bidCount || next.status !== shown.status || next.endsAt !== shown.endsAt;
  }, []);

  const poll = useCallback(async () => {
    if (apply(await getJson<LotLive>(`/api/v1/lots/${initial.id}`))) await refreshMine();
  }, [apply, initial.id, refreshMine]);

  // Back in view, the clock is checked too: the device may have slept or had its clock changed.
  useVisiblePoll(poll, { everyMs: POLL_MS, maxBackoffMs: MAX_BACKOFF_MS, onVisible: () => void serverClock.measure() });
  useEffect(() => {
    const remeasure = setInterval(() => void serverClock.measure(), CLOCK_REMEASURE_MS);
    return () => clearInterval(remeasure);
  }, []);

  /**
   * After the caller's own bid: the state the action read after it committed shows at once
   * (no poll, which a shared cache may answer with the price from before), then their own part.
   */
  const applyBid = useCallback(
    async (after: LotLive | null) => {
      if (after) apply(after);
      await Promise.allSettled([after ? Promise.resolve() : poll(), refreshMine()]);
    },
    [apply, poll, refreshMine],
  );

  return { live, mine, applyBid };
}
