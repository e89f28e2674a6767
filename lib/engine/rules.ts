/** Business timings the engine applies; defaults are design.md's, overridable per deployment. */
export type LifecycleRules = {
  /** The 24-hour rule: an order not paid within this window after close goes overdue. */
  paymentWindowMs: number;
  /** An order whose charge is still open at dueAt reads confirming_payment this long before the 24-hour rule applies. */
  paymentGraceMs: number;
  /** A shipped order the buyer never confirms completes by itself after this long. */
  autoCompleteMs: number;
  /** The zone order numbers take their date from. */
  timeZone: string;
  /** Overdue orders (strikes) after which a buyer is blocked from bidding. */
  strikeLimit: number;
};

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

export const DEFAULT_RULES: LifecycleRules = {
  paymentWindowMs: 24 * HOUR,
  paymentGraceMs: 5 * MINUTE,
  autoCompleteMs: 7 * 24 * HOUR,
  timeZone: 'Asia/Shanghai',
  strikeLimit: 3,
};
