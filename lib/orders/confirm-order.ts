import 'server-only';
import type { Database } from '@/db/client';
import { applyOrderEvent } from './apply-order-event';

/** CONFIRM: the buyer says their own shipped order arrived. */
export const confirmOrder = ({
  db,
  orderId,
  now,
  buyerId,
}: {
  db: Database;
  orderId: number;
  now: Date;
  buyerId: number;
}) => applyOrderEvent({ db, orderId, event: { type: 'CONFIRM', now }, actorId: buyerId, buyerId });
