import { sql } from 'drizzle-orm';
import { check, foreignKey, integer, pgEnum, pgTable, text, uniqueIndex } from 'drizzle-orm/pg-core';
import { fen, instant, timestamps } from './columns';

export const sandboxTransactionKind = pgEnum('sandbox_transaction_kind', ['charge', 'refund']);

/**
 * The built-in sandbox provider's own ledger: what a real provider would hold on its side.
 * Keyed by our idempotency key, so a retried refund is recorded once, like WeChat Pay's
 * out_refund_no or Stripe's Idempotency-Key.
 */
export const sandboxTransactions = pgTable(
  'sandbox_transactions',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    kind: sandboxTransactionKind().notNull(),
    reference: text().notNull(),
    idempotencyKey: text().notNull(),
    /** For a refund: the charge it returns money to. */
    chargeReference: text(),
    amount: fen().notNull(),
    /** For a charge: what its refunds add up to, which the database keeps at or under `amount`. */
    refundedAmount: fen().notNull().default(0),
    settledAt: instant(),
    /** A charge can no longer be confirmed after this, nor once cancelled. */
    expiresAt: instant(),
    cancelledAt: instant(),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('sandbox_transactions_reference_key').on(t.reference),
    uniqueIndex('sandbox_transactions_idempotency_key').on(t.kind, t.idempotencyKey),
    check('sandbox_transactions_amount_positive', sql`${t.amount} > 0`),
    check('sandbox_transactions_refunds_within_charge', sql`${t.refundedAmount} <= ${t.amount}`),
    foreignKey({ columns: [t.chargeReference], foreignColumns: [t.reference], name: 'sandbox_transactions_charge_fk' }),
  ],
);
