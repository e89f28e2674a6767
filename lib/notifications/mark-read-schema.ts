import { z } from 'zod';
import { rowId } from '@/lib/validation/row-id';

export const markNotificationReadSchema = z.object({ notificationId: rowId });
export type MarkNotificationReadInput = z.infer<typeof markNotificationReadSchema>;
