import { z } from 'zod';
import { rowId } from '@/lib/validation/row-id';

/** Watch (`watching: true`) or stop watching a lot; the button and the action parse this. */
export const setWatchSchema = z.object({ lotId: rowId, watching: z.boolean() });
export type SetWatchInput = z.infer<typeof setWatchSchema>;
