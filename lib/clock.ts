/**
 * The one source of "now". Domain code never reads the time itself: it takes `now` as an
 * argument, and the edges (pages, actions, routes, the tick) ask this module for it. Tests
 * (and a server started in test mode, through /api/test/clock) replace the clock here and
 * nowhere else.
 */
export interface Clock {
  now(): Date;
}

const systemClock: Clock = { now: () => new Date() };

/** The system clock moved by `offsetMs`: time still runs, just elsewhere. */
export function shiftedClock(offsetMs: number): Clock {
  return { now: () => new Date(Date.now() + offsetMs) };
}

export function fixedClock(at: Date): Clock {
  return { now: () => new Date(at.getTime()) };
}

// On globalThis so that every bundle of one Next.js process sees the same clock.
const holder = globalThis as typeof globalThis & { gavelClock?: Clock };

/** Replaces the process clock; returns the function that puts the previous one back. */
export function setClock(next: Clock): () => void {
  const previous = holder.gavelClock;
  holder.gavelClock = next;
  return () => {
    holder.gavelClock = previous;
  };
}

export function now(): Date {
  return (holder.gavelClock ?? systemClock).now();
}
