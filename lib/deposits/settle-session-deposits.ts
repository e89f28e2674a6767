import type { Executor } from '@/db/client';
import type { Change } from '@/lib/sql/lifecycle-events';
import { freezeOwedDeposits } from './freeze-deposits';
import { lockOpenDeposits } from './lock-open-deposits';
import { refundDeposits, type RefundReason } from './refund-deposits';
import type { DepositSelection } from './selection';

/**
 * The selected session deposits of ended auctions, decided under their row lock: the whole
 * balance goes back when the owner has nothing left to pay, a held one is frozen while
 * something is still owed. Settlement, a paid order and an overdue one all decide through
 * here, so whichever commits last sees the others' orders.
 */
export async function settleSessionDeposits(
  tx: Executor,
  { selection, reason, now }: { selection: DepositSelection; reason: RefundReason; now: Date },
): Promise<Change[]> {
  // Locked whatever their auction's status: a payment must queue behind a tick that is ending
  // the auction (and the other way round) even before that end has committed.
  const depositIds = await lockOpenDeposits(tx, { sessionsOf: selection });
  if (depositIds.length === 0) return [];
  const ended = { endedSessionsOf: { depositIds } };
  const refunded = await refundDeposits(tx, { selection: ended, reason, now, unlessOwed: true });
  const frozen = await freezeOwedDeposits(tx, { selection: ended, now });
  return [...refunded, ...frozen];
}
