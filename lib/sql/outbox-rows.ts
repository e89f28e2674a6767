import { sql, type SQL } from 'drizzle-orm';

/**
 * The one way work is queued for after commit (lib/outbox sends it): INSERT … SELECT
 * statements over rows the same transaction decided, usable as CTEs.
 */

/** One in-app notification per source row: `kind` names the message, `data` its parameters. */
export function insertNotifications({
  source,
  userId,
  kind,
  data,
}: {
  source: SQL;
  userId: SQL;
  kind: string;
  data: SQL;
}): SQL {
  return sql`insert into outbox (kind, payload)
    select 'notification', jsonb_build_object('userId', ${userId}, 'kind', ${kind}::text, 'data', ${data})
    from ${source}`;
}

/** One provider refund per source row, for a refunds row written in the same transaction. */
export function insertRefundSends({ source, refundId }: { source: SQL; refundId: SQL }): SQL {
  return sql`insert into outbox (kind, refund_id) select 'refund', ${refundId} from ${source}`;
}
