import { z } from 'zod';
import { recordId } from '@/lib/validation/record-id';

export const markNotificationReadSchema = z.object({ notificationId: recordId });
export type MarkNotificationReadInput = z.infer<typeof markNotificationReadSchema>;
