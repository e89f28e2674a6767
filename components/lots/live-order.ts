import type { LotLive } from '@/lib/api/v1/schemas';

/** What orders two readings of a lot: bids only ever add up, the end only moves later, and the server's time. */
export type LiveMark = Pick<LotLive, 'bidCount' | 'endsAt' | 'serverNow'>;

/**
 * Whether `next` is an older reading than the one `applied`, as a shared cache may answer
 * after a fresher one (or after the caller's own bid): more bids or a later end is newer
 * whatever the server times say (instances' clocks differ a little), fewer or earlier is
 * older, and with both equal the server's time decides. The page never goes backwards.
 */
export function isOlderReading(next: LiveMark, applied: LiveMark): boolean {
  if (next.bidCount !== applied.bidCount) return next.bidCount < applied.bidCount;
  const [nextEnd, appliedEnd] = [Date.parse(next.endsAt), Date.parse(applied.endsAt)];
  if (nextEnd !== appliedEnd) return nextEnd < appliedEnd;
  return Date.parse(next.serverNow) < Date.parse(applied.serverNow);
}
