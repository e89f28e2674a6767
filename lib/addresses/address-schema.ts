import { z } from 'zod';
import { shippingAddressSchema } from '@/lib/payments/shipping-address';
import { recordId } from '@/lib/validation/record-id';

/** How many addresses one buyer keeps: enough for home, office and family, bounded for the page. */
export const MAX_ADDRESSES = 20;

/** The address book form: a new address (no id) or an edit of one of the buyer's own. */
export const saveAddressSchema = shippingAddressSchema.extend({
  id: recordId.nullable(),
  isDefault: z.boolean('validation.invalid'),
});
export type SaveAddressInput = z.infer<typeof saveAddressSchema>;

export const addressIdSchema = z.object({ addressId: recordId });
