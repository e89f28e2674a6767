import 'server-only';
import type { Executor } from '@/db/client';
import { adminAuditLog } from '@/db/schema';

export type AuditedEntity = 'auction' | 'lot' | 'order' | 'deposit' | 'refund' | 'coupon' | 'user';

export type AdminAuditRecord = {
  adminId: number;
  /** What was done, as a message key under `audit.actions` (e.g. `auction.update`). */
  action: string;
  entity: AuditedEntity;
  entityId: number | null;
  /** The fields as they were and as they became; only the ones the write touched. */
  before?: Record<string, unknown> | null;
  after?: Record<string, unknown> | null;
  /** Anything else worth keeping: a reason, an amount, a count. */
  details?: Record<string, unknown>;
  ip: string | null;
  at: Date;
};

/**
 * Appends one entry to `admin_audit_log`. Call it with the transaction that makes the change,
 * so an entry exists exactly when the change does.
 */
export async function recordAdminAudit(tx: Executor, record: AdminAuditRecord): Promise<void> {
  await tx.insert(adminAuditLog).values({
    adminId: record.adminId,
    action: record.action,
    entity: record.entity,
    entityId: record.entityId,
    data: { before: record.before ?? null, after: record.after ?? null, ...(record.details ?? {}) },
    ip: record.ip,
    at: record.at,
  });
}
