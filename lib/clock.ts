/**
 * The one source of "now". Domain code never reads the time itself: it takes `now` as an
 * argument, and the edges (pages, actions, routes, the tick) ask this module for it.
 */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

export function fixedClock(at: Date): Clock {
  return { now: () => new Date(at.getTime()) };
}

const holder = globalThis as typeof globalThis & { gavelClock?: Clock };

export function clock(): Clock {
  return holder.gavelClock ?? systemClock;
}

/** Replaces the process clock (tests); returns a function that restores the previous one. */
export function setClock(next: Clock): () => void {
  const previous = holder.gavelClock;
  holder.gavelClock = next;
  return () => {
    holder.gavelClock = previous;
  };
}

export function now(): Date {
  return clock().now();
}
