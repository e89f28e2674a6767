import 'server-only';
import { TZDate } from '@date-fns/tz';
import { and, asc, count, desc, eq, gte, lt, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import type { Executor } from '@/db/client';
import { adminAuditLog, users } from '@/db/schema';
import { pageOf, type Page, type PageRequest } from '@/lib/pagination';
import type { AuditedEntity } from './audit';
import { recordIdText } from '@/lib/validation/record-id';

export const AUDITED_ENTITIES = [
  'auction',
  'lot',
  'order',
  'deposit',
  'refund',
  'coupon',
  'user',
] as const satisfies readonly AuditedEntity[];

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const optional = <T extends z.ZodType>(schema: T) => schema.optional().catch(undefined);

/** The filters as the URL carries them; anything malformed is simply no filter. */
export const auditFilterSchema = z.object({
  admin: optional(recordIdText),
  entity: optional(z.enum(AUDITED_ENTITIES)),
  action: optional(z.string().trim().min(1).max(60)),
  from: optional(z.string().regex(DAY)),
  to: optional(z.string().regex(DAY)),
});
export type AuditFilter = z.output<typeof auditFilterSchema>;

/** Midnight starting `day` (yyyy-MM-dd) on the wall clock of `timeZone`, `plusDays` later. */
function startOfDay(day: string, timeZone: string, plusDays = 0): Date {
  const [, year, month, date] = DAY.exec(day)!.map(Number);
  return new Date(new TZDate(year!, month! - 1, date! + plusDays, timeZone).getTime());
}

export type AuditEntry = {
  id: number;
  at: Date;
  adminId: number;
  adminName: string;
  action: string;
  entity: string;
  entityId: number | null;
  data: Record<string, unknown>;
  ip: string | null;
};

/** The whole admin audit log, newest first, filtered by admin, entity, action and days in `timeZone`. */
export async function listAuditLog({
  db,
  page,
  filter,
  timeZone,
}: {
  db: Executor;
  page: PageRequest;
  filter: AuditFilter;
  timeZone: string;
}): Promise<Page<AuditEntry>> {
  const conditions: (SQL | undefined)[] = [
    filter.admin ? eq(adminAuditLog.adminId, filter.admin) : undefined,
    filter.entity ? eq(adminAuditLog.entity, filter.entity) : undefined,
    filter.action ? eq(adminAuditLog.action, filter.action) : undefined,
    filter.from ? gte(adminAuditLog.at, startOfDay(filter.from, timeZone)) : undefined,
    filter.to ? lt(adminAuditLog.at, startOfDay(filter.to, timeZone, 1)) : undefined,
  ];
  const where = and(...conditions);
  const [rows, [total]] = await Promise.all([
    db
      .select({
        id: adminAuditLog.id,
        at: adminAuditLog.at,
        adminId: adminAuditLog.adminId,
        adminName: users.name,
        action: adminAuditLog.action,
        entity: adminAuditLog.entity,
        entityId: adminAuditLog.entityId,
        data: adminAuditLog.data,
        ip: adminAuditLog.ip,
      })
      .from(adminAuditLog)
      .innerJoin(users, eq(users.id, adminAuditLog.adminId))
      .where(where)
      .orderBy(desc(adminAuditLog.at), desc(adminAuditLog.id))
      .limit(page.pageSize)
      .offset(page.offset),
    db.select({ n: count() }).from(adminAuditLog).where(where),
  ]);
  return pageOf(rows, total?.n ?? 0, page);
}

/** What the filter menus offer: the admins and the actions that appear in the log. */
export async function auditFilterOptions({ db }: { db: Executor }) {
  const [admins, actions] = await Promise.all([
    db
      .selectDistinct({ id: users.id, name: users.name })
      .from(adminAuditLog)
      .innerJoin(users, eq(users.id, adminAuditLog.adminId))
      .orderBy(asc(users.id)),
    db.selectDistinct({ action: adminAuditLog.action }).from(adminAuditLog).orderBy(asc(adminAuditLog.action)),
  ]);
  return { admins, actions: actions.map((row) => row.action) };
}
