/**
 * What Gavel needs from a payment provider. Real ones (WeChat Pay v3 JSAPI, Alipay,
 * Stripe) and the built-in sandbox implement the same calls; every money-moving call carries
 * our idempotency key, so a retry after a timeout or a crash can never move money twice.
 */
export type ChargeRequest = {
  idempotencyKey: string;
  amount: number;
  description: string;
  /**
   * The provider refuses to take the payment after this (WeChat Pay / Alipay `time_expire`,
   * Stripe `expires_at`): an order's dueAt, a deposit's lot or auction end.
   */
  expiresAt: Date;
};

export type Charge = {
  /** The provider's id for the charge, stored on the payment row. */
  reference: string;
  /** Where the buyer completes the payment. */
  payUrl: string;
};

export type RefundRequest = {
  idempotencyKey: string;
  /** The charge the money goes back to (原路返回). */
  chargeReference: string;
  amount: number;
};

export type WebhookEvent =
  /** `paidAt` is the provider's own time of payment: it decides the outcome, not when we hear of it. */
  { type: 'charge.succeeded'; reference: string; paidAt: Date } | { type: 'charge.failed'; reference: string };

export interface PaymentProvider {
  readonly name: string;
  createCharge(request: ChargeRequest): Promise<Charge>;
  /**
   * Closes an unpaid charge so it can no longer be paid (WeChat Pay close order, Stripe
   * expire session). Closing one that is already closed or expired is not an error.
   */
  cancelCharge(reference: string): Promise<void>;
  /** Null when the signature or body is not genuine. */
  verifyWebhook(rawBody: string, signature: string | null): WebhookEvent | null;
  /** Resolves with the provider's refund id; the same key always gives the same refund. */
  refund(request: RefundRequest): Promise<{ reference: string }>;
}

export type ProviderRegistry = (name: string) => PaymentProvider;
