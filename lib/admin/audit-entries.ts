import 'server-only';
import { sql } from 'drizzle-orm';
import type { Executor } from '@/db';
import { pageOf, type Page, type PageRequest } from '@/lib/pagination';
import { toDate, toNullableNumber, toNumber } from '@/lib/sql/rows';

export type AuditEntry = {
  id: number;
  adminName: string;
  action: string;
  entity: string;
  entityId: number | null;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
  /** What else the write kept: a reason, an amount. */
  details: Record<string, unknown>;
  at: Date;
};

/** Whose entries a page shows: an auction with its lots, deposits and refunds, or one order. */
export type AuditScope = { auctionId: number } | { orderId: number };

function scopeSql(scope: AuditScope) {
  if ('orderId' in scope) return sql`(a.entity = 'order' and a.entity_id = ${scope.orderId})`;
  const id = scope.auctionId;
  return sql`(
    (a.entity = 'auction' and a.entity_id = ${id})
    or (a.entity = 'lot' and a.entity_id in (select id from lots where auction_id = ${id}))
    or (a.entity = 'deposit' and a.entity_id in (select id from deposits where auction_id = ${id}))
    or (a.entity = 'refund' and a.entity_id in (select r.id from refunds r join deposits d on d.id = r.deposit_id where d.auction_id = ${id})))`;
}

/** The back office's writes on one record and its parts, newest first. */
export async function listAuditEntries({
  db,
  scope,
  page,
}: {
  db: Executor;
  scope: AuditScope;
  page: PageRequest;
}): Promise<Page<AuditEntry>> {
  const where = scopeSql(scope);
  const [rows, total] = await Promise.all([
    db.execute<Record<string, unknown>>(sql`
      select a.id, a.action, a.entity, a.entity_id, a.data, a.at, u.name as admin_name
      from admin_audit_log a join users u on u.id = a.admin_id
      where ${where} order by a.at desc, a.id desc limit ${page.pageSize} offset ${page.offset}`),
    db.execute<{ n: unknown }>(sql`select count(*) as n from admin_audit_log a where ${where}`),
  ]);
  const items = rows.rows.map((row) => {
    const { before = null, after = null, ...details } = (row.data ?? {}) as Record<string, unknown>;
    return {
      id: toNumber(row.id),
      adminName: String(row.admin_name),
      action: String(row.action),
      entity: String(row.entity),
      entityId: toNullableNumber(row.entity_id),
      before: before as Record<string, unknown> | null,
      after: after as Record<string, unknown> | null,
      details,
      at: toDate(row.at),
    };
  });
  return pageOf(items, toNullableNumber(total.rows[0]?.n) ?? 0, page);
}
