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
  const depositIds = await lockOpenDeposits(tx, { endedSessionsOf: selection });
  if (depositIds.length === 0) return [];
  const refunded = await refundDeposits(tx, { selection: { depositIds }, reason, now, unlessOwed: true });
  const frozen = await freezeOwedDeposits(tx, { depositIds, now });
  return [...refunded, ...frozen];
}
