import 'server-only';
import type { Database } from '@/db/client';
import { recordAdminAudit } from '@/lib/admin/audit';
import { applyOrderEvent } from './apply-order-event';

/** SHIP: the operator sends a paid order with its carrier and tracking number; audited in the same transaction. */
export const shipOrder = ({
  db,
  orderId,
  carrier,
  trackingNo,
  now,
  adminId,
  ip = null,
}: {
  db: Database;
  orderId: number;
  carrier: string;
  trackingNo: string;
  now: Date;
  adminId: number;
  ip?: string | null;
}) =>
  applyOrderEvent({
    db,
    orderId,
    event: { type: 'SHIP', now },
    actorId: adminId,
    carrier,
    trackingNo,
    afterChange: (tx, order, to) =>
      recordAdminAudit(tx, {
        adminId,
        action: 'order.ship',
        entity: 'order',
        entityId: orderId,
        before: { status: order.status, carrier: order.carrier, trackingNo: order.trackingNo },
        after: { status: to, carrier, trackingNo },
        ip,
        at: now,
      }),
  });
