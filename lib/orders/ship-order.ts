import 'server-only';
import type { Database } from '@/db/client';
import { applyOrderEvent } from './apply-order-event';

/** SHIP: the operator sends a paid order, with its tracking number. */
export const shipOrder = ({
  db,
  orderId,
  trackingNo,
  now,
  adminId,
}: {
  db: Database;
  orderId: number;
  trackingNo: string;
  now: Date;
  adminId: number;
}) => applyOrderEvent({ db, orderId, event: { type: 'SHIP', now }, actorId: adminId, trackingNo });
