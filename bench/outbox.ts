import { sql } from 'drizzle-orm';
import { processOutbox } from '@/lib/outbox/drain';
import { inAppNotifier } from '@/lib/outbox/in-app-notifier';
import type { PaymentProvider } from '@/lib/payments/provider';
import { sandboxProvider } from '@/lib/payments/sandbox';
import { CLOSING_END } from './closing';
import { onCopy, type ClosingTemplate } from './settlement';
import { time } from './server';

export type OutboxTiming = { refunds: number; ms: number; perSecond: number; statements: number };

/**
 * `sandbox` books each refund in the sandbox's ledger, as in production without a real
 * provider; `stub` answers at once, so only the drain's own statements are timed.
 */
export type OutboxProvider = 'sandbox' | 'stub';

/**
 * Every lot deposit of the closing refunded at once (as settlement queues them: refund row
 * and outbox row each), then drained to the sandbox provider by processOutbox with its
 * default concurrency, as the tick drains them. Fails unless every refund went out once.
 */
export async function outboxThroughput(template: ClosingTemplate, provider: OutboxProvider): Promise<OutboxTiming> {
  return onCopy(template, async ({ handle, statements }) => {
    const db = handle.db;
    await db.execute(sql`
      with refunded as (
        update deposits d set status = 'refunded', refunded_amount = d.balance, balance = 0
        where d.kind = 'lot' and d.status = 'held'
        returning d.id, d.refunded_amount as amount
      ), queued as (
        insert into refunds (payment_id, deposit_id, amount, reason, idempotency_key)
        select p.id, r.id, r.amount, 'lot_lost', 'deposit:' || r.id || ':refund'
        from refunded r join payments p on p.deposit_id = r.id
        returning id
      )
      insert into outbox (kind, refund_id) select 'refund', id from queued`);
    const sandbox = sandboxProvider({ db, secret: 'bench-secret-0123456789' });
    let stubbed = 0;
    const stub: PaymentProvider = { ...sandbox, refund: async () => ({ reference: `stub_${(stubbed += 1)}` }) };
    const before = statements();
    const [, took] = await time(() =>
      processOutbox({
        db,
        now: CLOSING_END,
        providers: () => (provider === 'sandbox' ? sandbox : stub),
        notify: inAppNotifier(db),
        outOfTime: () => false,
      }),
    );
    const drained = statements() - before;
    const [check] = await db
      .execute<{ refunds: number; booked: number; pending: number }>(
        sql`select (select count(*) from refunds where status = 'succeeded')::int as refunds,
                   ${provider === 'sandbox' ? sql`(select count(*) from sandbox_transactions where kind = 'refund')::int` : sql`${stubbed}::int`} as booked,
                   (select count(*) from outbox where status <> 'done')::int as pending`,
      )
      .then((result) => result.rows);
    if (!check || check.pending > 0 || check.refunds !== check.booked)
      throw new Error(`the outbox left work behind: ${JSON.stringify(check)}`);
    return { refunds: check.refunds, ms: took, perSecond: (check.refunds / took) * 1000, statements: drained };
  });
}
