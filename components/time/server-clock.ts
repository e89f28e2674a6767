'use client';

import { useEffect, useState, useSyncExternalStore } from 'react';

/** One measurement of the server's clock: its offset to this device's and how long the round trip took. */
type Sample = { offsetMs: number; roundTripMs: number; takenAt: number };

/** A measurement this old is replaced by a new one even if the new one's round trip was slower. */
const SAMPLE_TRUSTED_MS = 60_000;

const SECOND = 1_000;

/**
 * The server's clock as this document knows it. It measures itself with a no-store request
 * (never a cached or router-cached answer), taking the server's time at the midpoint of the
 * round trip; a later sample replaces it when its round trip was no slower or it is stale.
 * `fetchTime` and `deviceNow` are injectable for tests.
 */
export function createServerClock({
  fetchTime = defaultFetchTime,
  deviceNow = () => Date.now(),
}: {
  fetchTime?: () => Promise<string>;
  deviceNow?: () => number;
} = {}) {
  let sample: Sample | null = null;
  let measuring: Promise<void> | null = null;
  const listeners = new Set<() => void>();

  /** Adds one round trip: the server's `serverNow` answered a request sent at `sentAt` and received at `receivedAt`. */
  function report(serverNow: string, sentAt: number, receivedAt: number) {
    const server = Date.parse(serverNow);
    if (Number.isNaN(server) || receivedAt < sentAt) return;
    const next = {
      offsetMs: server - (sentAt + receivedAt) / 2,
      roundTripMs: receivedAt - sentAt,
      takenAt: receivedAt,
    };
    if (sample && next.roundTripMs > sample.roundTripMs && receivedAt - sample.takenAt < SAMPLE_TRUSTED_MS) return;
    sample = next;
    listeners.forEach((listener) => listener());
  }

  /** Measures now; concurrent callers share one request, and a failure leaves the last sample in place. */
  function measure(): Promise<void> {
    measuring ??= (async () => {
      const sentAt = deviceNow();
      try {
        const serverNow = await fetchTime();
        report(serverNow, sentAt, deviceNow());
      } catch {
        // Offline or refused: the previous sample (or the page's own server time) stays in use.
      } finally {
        measuring = null;
      }
    })();
    return measuring;
  }

  /** Measures once per document: later calls reuse the sample. */
  function ensureMeasured(): Promise<void> {
    return sample ? Promise.resolve() : measure();
  }

  return {
    report,
    measure,
    ensureMeasured,
    /** Server minus device in ms, or null before the first measurement. */
    offsetMs: () => sample?.offsetMs ?? null,
    subscribe(listener: () => void) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

async function defaultFetchTime(): Promise<string> {
  const response = await fetch('/api/v1/time', { cache: 'no-store', headers: { accept: 'application/json' } });
  if (!response.ok) throw new Error(`/api/v1/time: ${response.status}`);
  const { now } = (await response.json()) as { now: string };
  return now;
}

/** The document's one clock: every countdown and the live lot share it. */
export const serverClock = createServerClock();

/**
 * Server minus device in ms. Until the document's clock is measured it falls back to the
 * page's own server time (`fallbackServerNow`, as rendered), then follows the measurement.
 */
export function useServerOffset(fallbackServerNow?: string): number {
  const measured = useSyncExternalStore(serverClock.subscribe, serverClock.offsetMs, () => null);
  const [fallback] = useState(() => (fallbackServerNow ? Date.parse(fallbackServerNow) - Date.now() : 0));
  useEffect(() => {
    void serverClock.ensureMeasured();
  }, []);
  return measured ?? fallback;
}

/** The server's time now in ms since the epoch, re-read every second. */
export function useServerNow(fallbackServerNow?: string): number {
  const offset = useServerOffset(fallbackServerNow);
  const [deviceNow, setDeviceNow] = useState(() =>
    fallbackServerNow ? Date.parse(fallbackServerNow) - offset : Date.now(),
  );
  useEffect(() => {
    const tick = () => setDeviceNow(Date.now());
    tick();
    const timer = setInterval(tick, SECOND);
    return () => clearInterval(timer);
  }, []);
  return deviceNow + offset;
}
