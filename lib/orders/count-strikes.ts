import { sql } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import type { LifecycleRules } from '@/lib/engine/rules';
import { insertNotifications } from '@/lib/sql/outbox-rows';
import { instant, intArray } from '@/lib/sql/values';

/**
 * One strike per overdue order. The buyer whose strikes reach the limit is blocked from
 * bidding as of the deadline of the order that reached it, and told so through the outbox.
 */
export async function countStrikes(
  tx: Executor,
  { orderIds, now, rules }: { orderIds: readonly number[]; now: Date; rules: LifecycleRules },
) {
  const ids = intArray(orderIds);
  await tx.execute(sql`
    with counted as (
      select o.user_id, count(*)::int as n from orders o where o.id = any(${ids}) group by o.user_id
    ), before as (
      select u.id, u.strikes, u.bidding_blocked_at, c.n from users u join counted c on c.user_id = u.id
      order by u.id for update of u
    ), bumped as (
      update users u set
        strikes = b.strikes + b.n,
        bidding_blocked_at = case when b.bidding_blocked_at is null and b.strikes + b.n >= ${rules.strikeLimit}::int then (
          select o.overdue_at from orders o where o.id = any(${ids}) and o.user_id = u.id
          order by o.overdue_at, o.id offset greatest(${rules.strikeLimit}::int - b.strikes, 1) - 1 limit 1
        ) else u.bidding_blocked_at end,
        updated_at = ${instant(now)}
      from before b where u.id = b.id
      returning u.id, u.strikes, b.bidding_blocked_at is null and u.bidding_blocked_at is not null as blocked
    )
    ${insertNotifications({
      source: sql`bumped b where b.blocked`,
      userId: sql`b.id`,
      kind: 'bidding_blocked',
      data: sql`jsonb_build_object('strikes', b.strikes)`,
    })}`);
}
