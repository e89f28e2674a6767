/** Business timings the engine applies; defaults are design.md's, overridable per deployment. */
export type LifecycleRules = {
  /** The 24-hour rule: an order not paid within this window after close goes overdue. */
  paymentWindowMs: number;
  /** A shipped order the buyer never confirms completes by itself after this long. */
  autoCompleteMs: number;
  /** The zone order numbers take their date from. */
  timeZone: string;
  /** Overdue orders (strikes) after which a buyer is blocked from bidding. */
  strikeLimit: number;
};

const HOUR = 3_600_000;

export const DEFAULT_RULES: LifecycleRules = {
  paymentWindowMs: 24 * HOUR,
  autoCompleteMs: 7 * 24 * HOUR,
  timeZone: 'Asia/Shanghai',
  strikeLimit: 3,
};
