/** 延时: an auction's anti-sniping settings, in minutes as stored on the auction. */
export type AntiSniping = {
  /** A bid this close to the lot's end extends it; 0 turns anti-sniping off. */
  windowMinutes: number;
  /** Such a bid moves the end to the bid's time plus this. */
  extensionMinutes: number;
  /** The most all extensions together may add to the lot's scheduled end; null: no cap. */
  capMinutes: number | null;
};

const MINUTE = 60_000;

/**
 * The lot's end after a bid accepted at `now` (before `endsAt`). The window includes its
 * start: with 5 minutes, a bid at exactly end − 5 min extends and one a millisecond earlier
 * does not. The end never moves earlier, and never past `scheduledEndsAt` + cap.
 */
export function extendedEnd({
  endsAt,
  scheduledEndsAt,
  now,
  rules,
}: {
  endsAt: Date;
  scheduledEndsAt: Date;
  now: Date;
  rules: AntiSniping;
}): Date {
  if (rules.windowMinutes <= 0 || now.getTime() < endsAt.getTime() - rules.windowMinutes * MINUTE) return endsAt;
  const wanted = now.getTime() + rules.extensionMinutes * MINUTE;
  const capped =
    rules.capMinutes === null ? wanted : Math.min(wanted, scheduledEndsAt.getTime() + rules.capMinutes * MINUTE);
  return capped > endsAt.getTime() ? new Date(capped) : endsAt;
}
