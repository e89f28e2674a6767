import { z } from 'zod';
import type { ShippingAddress } from '@/db/schema';
import { boundedText } from '@/lib/validation/text';

/**
 * A shipping address as an order stores it and the address book keeps it. Client-safe (no
 * 'server-only'), so the address form validates with the very schema the actions parse.
 */
export const shippingAddressSchema = z.object({
  recipient: boundedText({ max: 50 }).min(1, 'validation.required'),
  phone: boundedText({ max: 20 }).regex(/^1\d{10}$/, 'validation.phoneInvalid'),
  province: boundedText({ max: 30 }).min(1, 'validation.required'),
  city: boundedText({ max: 30 }).min(1, 'validation.required'),
  district: boundedText({ max: 30 }),
  detail: boundedText({ max: 200, multiline: true }).min(1, 'validation.required'),
}) satisfies z.ZodType<ShippingAddress>;
