import { z } from 'zod';
import { recordId } from '@/lib/validation/record-id';

/** Watch (`watching: true`) or stop watching a lot; the button and the action parse this. */
export const setWatchSchema = z.object({ lotId: recordId, watching: z.boolean() });
export type SetWatchInput = z.infer<typeof setWatchSchema>;
