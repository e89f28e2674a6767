/**
 * What Gavel needs from a payment provider. Real ones (WeChat Pay v3 JSAPI, Alipay,
 * Stripe) and the built-in sandbox implement the same three calls; every call carries our
 * idempotency key, so a retry after a timeout or a crash can never move money twice.
 */
export type ChargeRequest = {
  idempotencyKey: string;
  amount: number;
  description: string;
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

export type WebhookEvent = {
  type: 'charge.succeeded' | 'charge.failed';
  reference: string;
};

export interface PaymentProvider {
  readonly name: string;
  createCharge(request: ChargeRequest): Promise<Charge>;
  /** Null when the signature or body is not genuine. */
  verifyWebhook(rawBody: string, signature: string | null): WebhookEvent | null;
  /** Resolves with the provider's refund id; the same key always gives the same refund. */
  refund(request: RefundRequest): Promise<{ reference: string }>;
}

export type ProviderRegistry = (name: string) => PaymentProvider;
