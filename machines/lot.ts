import { setup } from 'xstate';
import type { LotStatus } from '@/db/schema/auctions';
import type { OrderStatus } from '@/db/schema/commerce';
import { applyEvent, catchUp, reached, effect } from './lifecycle';

/**
 * 拍品: follows its auction into preview and live, closes at its own end (the auction's, or
 * its staggered slot, pushed back by anti-sniping) as sold or unsold, and a sold lot ends
 * paid or overdue with its order.
 */
export type LotContext = {
  previewStartsAt: Date;
  startsAt: Date;
  endsAt: Date;
  bidCount: number;
  currentPrice: number | null;
  reservePrice: number | null;
};

export type LotEvent =
  | { type: 'PUBLISH'; now: Date }
  | { type: 'TICK'; now: Date }
  | { type: 'BID'; now: Date }
  | { type: 'CANCEL'; now: Date }
  | { type: 'PAY'; now: Date }
  | { type: 'OVERDUE'; now: Date };

/** Lots that have not closed: their auction cannot end while one is left. */
export const OPEN_LOT_STATUSES: readonly LotStatus[] = ['draft', 'scheduled', 'preview', 'live'];

/** Lots that closed with a winner: their deal prices make the auction's 成交额. */
export const SOLD_LOT_STATUSES: readonly LotStatus[] = ['sold', 'paid', 'overdue'];

export function hasWinningBid(context: Pick<LotContext, 'bidCount' | 'currentPrice' | 'reservePrice'>): boolean {
  return context.bidCount > 0 && context.currentPrice !== null && context.currentPrice >= (context.reservePrice ?? 0);
}

/** What the engine does when a transition names it (see lib/engine/pass.ts). */
const lotEffects = {
  /** An order for the highest bidder, due 24 h later. */
  createOrder: effect,
  /** Lot deposits of everyone but the winner go back at once. */
  refundLosingLotDeposits: effect,
  recordBid: effect,
};

export type LotEffect = keyof typeof lotEffects;

export const lotMachine = setup({
  types: { context: {} as LotContext, events: {} as LotEvent, input: {} as LotContext },
  guards: {
    previewDue: ({ context, event }) => reached(event.now, context.previewStartsAt),
    liveDue: ({ context, event }) => reached(event.now, context.startsAt),
    closeDue: ({ context, event }) => reached(event.now, context.endsAt),
    closeDueWithWinner: ({ context, event }) => reached(event.now, context.endsAt) && hasWinningBid(context),
    biddingOpen: ({ context, event }) => !reached(event.now, context.endsAt),
  },
  actions: lotEffects,
}).createMachine({
  id: 'lot',
  initial: 'draft',
  context: ({ input }) => input,
  states: {
    draft: { on: { PUBLISH: 'scheduled', CANCEL: 'cancelled' } },
    scheduled: { on: { TICK: { guard: 'previewDue', target: 'preview' }, CANCEL: 'cancelled' } },
    preview: { on: { TICK: { guard: 'liveDue', target: 'live' }, CANCEL: 'cancelled' } },
    live: {
      on: {
        BID: { guard: 'biddingOpen', actions: 'recordBid' },
        TICK: [
          { guard: 'closeDueWithWinner', target: 'sold', actions: ['createOrder', 'refundLosingLotDeposits'] },
          { guard: 'closeDue', target: 'unsold', actions: 'refundLosingLotDeposits' },
        ],
      },
    },
    sold: { on: { PAY: 'paid', OVERDUE: 'overdue' } },
    unsold: { type: 'final' },
    paid: { type: 'final' },
    overdue: { type: 'final' },
    cancelled: { type: 'final' },
  },
});

/**
 * Everything the guards read at `now`, as a key: two lots with the same status and key take
 * the same TICK path, so the tick asks the machine once per key, not once per lot. Keep it
 * beside the guards: a guard reading anything else must add it here.
 */
export function lotTickKey(status: LotStatus, context: LotContext, now: Date): string {
  const facts = [
    reached(now, context.previewStartsAt),
    reached(now, context.startsAt),
    reached(now, context.endsAt),
    hasWinningBid(context),
  ];
  return `${status}:${facts.map(Number).join('')}`;
}

export function nextLotTransitionAt(status: LotStatus, context: LotContext): Date | null {
  switch (status) {
    case 'scheduled':
      return context.previewStartsAt;
    case 'preview':
      return context.startsAt;
    case 'live':
      return context.endsAt;
    default:
      return null;
  }
}

export function effectiveLotStatus(status: LotStatus, context: LotContext, now: Date): LotStatus {
  return catchUp(lotMachine, status, context, now).status as LotStatus;
}

export function lotEvent(status: LotStatus, context: LotContext, event: LotEvent) {
  return applyEvent<typeof lotMachine, LotEffect>(lotMachine, status, context, event);
}

/**
 * A sold lot follows its order (whose status the caller reads from the order machine at
 * `now`): paid once the order is paid, overdue once it is, before the tick writes either.
 */
export function lotStatusWithOrder(
  status: LotStatus,
  orderStatus: OrderStatus | null,
  context: LotContext,
  now: Date,
): LotStatus {
  const event =
    orderStatus === 'overdue'
      ? 'OVERDUE'
      : orderStatus === 'paid' || orderStatus === 'shipped' || orderStatus === 'completed'
        ? 'PAY'
        : null;
  if (!event) return status;
  return (lotEvent(status, context, { type: event, now })?.to as LotStatus | undefined) ?? status;
}
