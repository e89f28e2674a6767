import 'server-only';
import { sql } from 'drizzle-orm';
import type { Executor } from '@/db';
import { pageOf, type Page, type PageRequest } from '@/lib/pagination';
import { toDate, toNullableNumber, toNumber } from '@/lib/sql/rows';

export type TimelineEntry = {
  id: number;
  entity: 'auction' | 'lot' | 'order' | 'deposit';
  entityId: number;
  /** What the entity is called on the page: the lot's title, the order's number, the deposit's owner. */
  label: string | null;
  fromStatus: string;
  toStatus: string;
  event: string;
  actorName: string | null;
  at: Date;
};

/** The lifecycle events of an auction, its lots, its orders and its deposits, newest first. */
export async function listAuctionTimeline({
  db,
  auctionId,
  page,
}: {
  db: Executor;
  auctionId: number;
  page: PageRequest;
}): Promise<Page<TimelineEntry>> {
  const scope = sql`(
    (e.entity = 'auction' and e.entity_id = ${auctionId})
    or (e.entity = 'lot' and e.entity_id in (select id from lots where auction_id = ${auctionId}))
    or (e.entity = 'order' and e.entity_id in (select id from orders where auction_id = ${auctionId}))
    or (e.entity = 'deposit' and e.entity_id in (select id from deposits where auction_id = ${auctionId})))`;
  const [rows, total] = await Promise.all([
    db.execute<Record<string, unknown>>(sql`
      select e.id, e.entity, e.entity_id, e.from_status, e.to_status, e.event, e.at, actor.name as actor_name,
        case e.entity
          when 'lot' then (select l.title from lots l where l.id = e.entity_id)
          when 'order' then (select o.order_no from orders o where o.id = e.entity_id)
          when 'deposit' then (select u.name from deposits d join users u on u.id = d.user_id where d.id = e.entity_id)
        end as label
      from lifecycle_events e left join users actor on actor.id = e.actor_id
      where ${scope}
      order by e.at desc, e.id desc
      limit ${page.pageSize} offset ${page.offset}`),
    db.execute<{ n: unknown }>(sql`select count(*) as n from lifecycle_events e where ${scope}`),
  ]);
  const items = rows.rows.map((row) => ({
    id: toNumber(row.id),
    entity: row.entity as TimelineEntry['entity'],
    entityId: toNumber(row.entity_id),
    label: (row.label as string | null) ?? null,
    fromStatus: String(row.from_status),
    toStatus: String(row.to_status),
    event: String(row.event),
    actorName: (row.actor_name as string | null) ?? null,
    at: toDate(row.at),
  }));
  return pageOf(items, toNullableNumber(total.rows[0]?.n) ?? 0, page);
}
