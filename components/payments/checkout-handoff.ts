/** A charge the server opened: the provider's reference and the page that takes the payment. */
export type OpenCharge = { reference: string; payUrl: string };

/**
 * Sends the buyer on to pay a charge. Every deposit and order payment button goes through
 * here, so the one place that knows where payment happens (a checkout page in a browser)
 * is this function.
 */
export function handOffToCheckout(charge: OpenCharge): void {
  window.location.assign(charge.payUrl);
}
