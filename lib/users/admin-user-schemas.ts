import { z } from 'zod';

const userId = z.number('validation.invalid').int('validation.invalid').positive('validation.invalid');

export const changeRoleSchema = z.object({ userId, role: z.enum(['admin', 'buyer'], 'validation.invalid') });
export const biddingBlockSchema = z.object({ userId, blocked: z.boolean('validation.invalid') });
export const liftStrikesSchema = z.object({ userId });
