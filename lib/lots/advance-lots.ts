import { and, eq, gt, lte, sql } from 'drizzle-orm';
import { auctions, lots, type LotStatus } from '@/db/schema';
import { refundDeposits } from '@/lib/deposits/refund-deposits';
import type { PassDefinition } from '@/lib/engine/pass';
import { createOrdersForSoldLots } from '@/lib/orders/create-orders';
import { lotMachine, lotTickKey, nextLotTransitionAt, type LotContext, type LotEffect } from '@/machines/lot';
import { lotContextOf, lotMachineColumns } from './machine-context';

/**
 * Lots follow their auction into preview and live and close at their own end as sold or
 * unsold. A lot closes at its end, not when a late tick notices: that is when its 24 hours
 * start. Sold lots take their winner and deal price; then orders for every sold lot and
 * refunds for every losing lot deposit, each in one statement for the batch.
 */
export const advanceLots: PassDefinition<LotStatus, LotContext, LotEffect> = {
  entity: 'lot',
  machine: lotMachine,
  table: { name: 'lots', statusType: 'lot_status' },
  async claim(tx, { now, afterId, batchSize }) {
    const rows = await tx
      .select({ id: lots.id, nextTransitionAt: lots.nextTransitionAt, ...lotMachineColumns })
      .from(lots)
      .innerJoin(auctions, eq(auctions.id, lots.auctionId))
      .where(and(lte(lots.nextTransitionAt, now), gt(lots.id, afterId)))
      .orderBy(lots.id)
      .limit(batchSize)
      .for('update', { of: lots, skipLocked: true });
    return rows.map((row) => ({ ...row, context: lotContextOf(row) }));
  },
  nextTransitionAt: (move) => nextLotTransitionAt(move.to, move.context),
  tickKey: (row, now) => lotTickKey(row.status, row.context, now),
  columns: [{ name: 'ends_at', value: (move) => move.context.endsAt }],
  assignments: () => sql`
    closed_at = case when v.to_status in ('sold', 'unsold') then coalesce(t.closed_at, v.ends_at) else t.closed_at end,
    deal_price = case when v.to_status = 'sold' then t.current_price else t.deal_price end,
    winner_id = case when v.to_status = 'sold' then t.leader_id else t.winner_id end`,
  effects: {
    createOrder: async (tx, moves, { now, rules }) => {
      await createOrdersForSoldLots(tx, { lotIds: moves.map((move) => move.id), now, rules });
    },
    refundLosingLotDeposits: async (tx, moves, { now }) => {
      await refundDeposits(tx, { selection: { losingLotIds: moves.map((move) => move.id) }, reason: 'lot_lost', now });
    },
  },
};
