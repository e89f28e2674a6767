import { sql } from 'drizzle-orm';
import { acceptsSql, targetSql, transitionsOf, type Transitions } from '@/lib/sql/machine-status';
import { depositMachine } from '@/machines/deposit';

/**
 * The deposit machine's transitions, asked of the machine once, for the set-based statements
 * that move deposits (alias `d`): no statement names a deposit status the machine did not give.
 */
const balance = { balance: 1, deduction: 0 };
const REFUND = transitionsOf(depositMachine, { type: 'REFUND' }, balance);
const FREEZE = transitionsOf(depositMachine, { type: 'FREEZE' }, balance);
/** DEDUCT's target depends on whether the deduction takes the whole balance. */
const DEDUCT_ALL = transitionsOf(depositMachine, { type: 'DEDUCT' }, { balance: 1, deduction: 1 });
const DEDUCT_PART = transitionsOf(depositMachine, { type: 'DEDUCT' }, { balance: 2, deduction: 1 });

const status = sql`d.status`;
const to = (transitions: Transitions) => targetSql(status, transitions, 'deposit_status');

/** The deposit still holds money for its owner: the states from which it can be refunded. */
export const holdsMoney = acceptsSql(status, REFUND);

export const refund = { accepts: holdsMoney, to: to(REFUND) };
export const freeze = { accepts: acceptsSql(status, FREEZE), to: to(FREEZE) };
export const deduct = {
  accepts: acceptsSql(status, DEDUCT_ALL),
  /** `takesAll`: a condition that the deduction reaches the balance. */
  to: (takesAll: ReturnType<typeof sql>) =>
    sql`case when ${takesAll} then ${to(DEDUCT_ALL)} else ${to(DEDUCT_PART)} end`,
};
