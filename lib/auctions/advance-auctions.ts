import { and, gt, lte, sql } from 'drizzle-orm';
import { auctions, type AuctionStatus } from '@/db/schema';
import type { PassDefinition } from '@/lib/engine/pass';
import { deadlineOf } from '@/lib/engine/deadline';
import { auctionMachine, nextAuctionTransitionAt, type AuctionContext, type AuctionEffect } from '@/machines/auction';
import { statusIn } from '@/lib/sql/machine-status';
import { SOLD_LOT_STATUSES } from '@/machines/lot';
import { auctionContextOf, auctionMachineColumns } from './machine-context';
import { settleSessionDeposits } from '@/lib/deposits/settle-session-deposits';

/**
 * Auctions move into preview, live, and ended once every lot has closed (the lots' own pass
 * closes them). An ended auction's 成交额 is written with its status, from its lots' deal
 * prices; its session deposits are settled by the `settleAuction` effect.
 */
export const advanceAuctions: PassDefinition<AuctionStatus, AuctionContext, AuctionEffect> = {
  entity: 'auction',
  machine: auctionMachine,
  table: { name: 'auctions', statusType: 'auction_status' },
  async claim(tx, { now, afterId, batchSize }) {
    const rows = await tx
      .select({ id: auctions.id, nextTransitionAt: auctions.nextTransitionAt, ...auctionMachineColumns })
      .from(auctions)
      .where(and(lte(auctions.nextTransitionAt, now), gt(auctions.id, afterId)))
      .orderBy(auctions.id)
      .limit(batchSize)
      .for('update', { skipLocked: true });
    return rows.map((row) => ({ ...row, context: auctionContextOf(row) }));
  },
  nextTransitionAt: (move) => nextAuctionTransitionAt(move.to, move.context),
  // It ended at its deadline, not when a late tick noticed.
  columns: [
    {
      name: 'ended_at',
      value: (move) =>
        deadlineOf(move.steps, 'ended', (from: AuctionStatus) => nextAuctionTransitionAt(from, move.context)),
    },
  ],
  assignments: () => sql`
    ended_at = coalesce(v.ended_at, t.ended_at),
    total_price = case when v.to_status = 'ended' then coalesce(
      (select sum(l.deal_price) from lots l where l.auction_id = t.id and ${statusIn(sql`l.status`, SOLD_LOT_STATUSES)}
        and not exists (select 1 from orders o where o.lot_id = l.id and o.status = 'cancelled')), 0)
      else t.total_price end`,
  effects: {
    settleAuction: async (tx, moves, { now }) => {
      await settleSessionDeposits(tx, {
        selection: { auctionIds: moves.map((move) => move.id) },
        reason: 'auction_won_nothing',
        now,
      });
    },
  },
};
