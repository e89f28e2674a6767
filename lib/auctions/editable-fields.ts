import type { AuctionStatus } from '@/db/schema/auctions';

/** Text and media: the only things an operator may still change once an auction is in preview. */
export const AUCTION_MEDIA_FIELDS = ['title', 'description', 'coverUrl', 'videoUrl'] as const;
export const LOT_MEDIA_FIELDS = ['title', 'description', 'coverUrl', 'images'] as const;

/**
 * What an edit may touch, by the auction's status at `now` (client-safe, so the form disables
 * the same fields the verbs refuse): everything before preview, text and media in preview,
 * nothing once live (the end is moved by its own audited action).
 */
export function editableScope(status: AuctionStatus): 'everything' | 'media' | 'nothing' {
  if (status === 'draft' || status === 'scheduled') return 'everything';
  if (status === 'preview') return 'media';
  return 'nothing';
}

/** Lots may be added, reordered and removed only before preview. */
export const lotsMayChange = (status: AuctionStatus) => editableScope(status) === 'everything';

/**
 * The changed fields the status forbids, as FIELD_LOCKED's `fieldErrors`; empty when the
 * edit is allowed. `changed` lists the fields whose value differs from what is stored.
 */
export function lockedFieldErrors(
  status: AuctionStatus,
  changed: readonly string[],
  mediaFields: readonly string[],
): Record<string, string[]> {
  const scope = editableScope(status);
  const locked = changed.filter((field) => scope === 'nothing' || (scope === 'media' && !mediaFields.includes(field)));
  return Object.fromEntries(locked.map((field) => [field, ['validation.lockedInStatus']]));
}
