import { z } from 'zod';
import { orderStatus } from '@/db/schema/commerce';
import { recordIdText } from '@/lib/validation/record-id';
import { boundedText } from '@/lib/validation/text';

/** Forms and URL filters of the back office's orders; the action, the route and the form parse with these. */

export const shipOrderSchema = z.object({
  orderId: recordIdText,
  carrier: boundedText({ max: 40, tooLong: 'adminOrders.validation.carrierTooLong' }).min(
    1,
    'adminOrders.validation.carrierRequired',
  ),
  trackingNo: boundedText({ max: 60, tooLong: 'adminOrders.validation.trackingTooLong' })
    .min(1, 'adminOrders.validation.trackingRequired')
    .regex(/^[A-Za-z0-9-]+$/, 'adminOrders.validation.trackingInvalid'),
});
export type ShipOrderInput = z.input<typeof shipOrderSchema>;

export const cancelOrderSchema = z.object({
  orderId: recordIdText,
  reason: boundedText({ max: 200, multiline: true, tooLong: 'adminOrders.validation.reasonTooLong' }).min(
    1,
    'adminOrders.validation.reasonRequired',
  ),
});
export type CancelOrderInput = z.input<typeof cancelOrderSchema>;

/** Every order status, in lifecycle order, for the status filter. */
export const ORDER_STATUSES = orderStatus.enumValues;

/** "Due within 2 h": unpaid orders whose payment deadline falls in the next two hours. */
export const DUE_SOON_MS = 2 * 3_600_000;

const one = (value: unknown) => (Array.isArray(value) ? value[0] : value);

/** The list's filters as the URL carries them; anything malformed is dropped, never an error. */
export const orderFiltersSchema = z.object({
  status: z.preprocess(one, z.enum(ORDER_STATUSES).optional().catch(undefined)),
  auctionId: z.preprocess(one, recordIdText.optional().catch(undefined)),
  buyer: z.preprocess(one, boundedText({ max: 50 }).optional().catch(undefined)),
  dueSoon: z.preprocess(one, z.literal('1').optional().catch(undefined)),
});
export type OrderFilters = z.output<typeof orderFiltersSchema>;

/** The filters back as query parameters (for pagination links and the CSV link). */
export function orderFilterQuery(filters: OrderFilters): Record<string, string> {
  const query: Record<string, string> = {};
  if (filters.status) query.status = filters.status;
  if (filters.auctionId) query.auctionId = String(filters.auctionId);
  if (filters.buyer) query.buyer = filters.buyer;
  if (filters.dueSoon) query.dueSoon = filters.dueSoon;
  return query;
}
