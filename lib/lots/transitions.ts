import { sql } from 'drizzle-orm';
import { acceptsSql, targetSql, transitionsOf } from '@/lib/sql/machine-status';
import { lotMachine, type LotContext, type LotEvent } from '@/machines/lot';

/**
 * The lot machine's untimed transitions (its auction published or cancelled, its order paid
 * or overdue), asked of the machine once, for the set-based statements that move lots
 * (alias `l`). None of them has a guard, so any context answers for all lots.
 */
const epoch = new Date(0);
const anyLot: LotContext = {
  previewStartsAt: epoch,
  startsAt: epoch,
  endsAt: epoch,
  bidCount: 0,
  currentPrice: null,
  reservePrice: null,
};

function lotTransition(type: Exclude<LotEvent['type'], 'TICK' | 'BID'>) {
  const transitions = transitionsOf(lotMachine, { type, now: epoch }, anyLot);
  return { accepts: acceptsSql(sql`l.status`, transitions), to: targetSql(sql`l.status`, transitions, 'lot_status') };
}

export const lotTransitions = {
  publish: lotTransition('PUBLISH'),
  cancel: lotTransition('CANCEL'),
  pay: lotTransition('PAY'),
  overdue: lotTransition('OVERDUE'),
};
