import { z } from 'zod';
import { recordId } from '@/lib/validation/record-id';

const userId = recordId;

export const changeRoleSchema = z.object({ userId, role: z.enum(['admin', 'buyer'], 'validation.invalid') });
export const biddingBlockSchema = z.object({ userId, blocked: z.boolean('validation.invalid') });
export const liftStrikesSchema = z.object({ userId });
