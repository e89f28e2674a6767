import { setup } from 'xstate';
import type { AuctionStatus } from '@/db/schema/auctions';
import { applyEvent, catchUp, reached, effect } from './lifecycle';

/**
 * 专场: draft → scheduled → preview → live → ended, or cancelled before it goes live.
 * `openLots` and `lastLotEndsAt` come from the auction's lots: it ends only once every lot
 * has closed, and anti-sniping may keep a lot open past the auction's own `endsAt`.
 */
export type AuctionContext = {
  previewStartsAt: Date;
  previewEndsAt: Date;
  startsAt: Date;
  endsAt: Date;
  lotCount: number;
  openLots: number;
  lastLotEndsAt: Date;
};

export type AuctionEvent = { type: 'PUBLISH'; now: Date } | { type: 'TICK'; now: Date } | { type: 'CANCEL'; now: Date };

/** What the engine does when a transition names it (see lib/engine/pass.ts). */
const auctionEffects = {
  /** Lots follow the auction out of draft. */
  publishLots: effect,
  /** Lots and held deposits are released: every deposit is refunded in full. */
  cancelLots: effect,
  refundAllDeposits: effect,
  /** 成交额 written; session deposits refunded (nothing won) or frozen. */
  settleAuction: effect,
};

export type AuctionEffect = keyof typeof auctionEffects;

export const auctionMachine = setup({
  types: { context: {} as AuctionContext, events: {} as AuctionEvent, input: {} as AuctionContext },
  guards: {
    publishable: ({ context, event }) =>
      context.lotCount > 0 &&
      event.now.getTime() < context.previewStartsAt.getTime() &&
      context.previewStartsAt <= context.previewEndsAt &&
      context.previewEndsAt <= context.startsAt &&
      context.startsAt < context.endsAt,
    previewDue: ({ context, event }) => reached(event.now, context.previewStartsAt),
    liveDue: ({ context, event }) => reached(event.now, context.startsAt),
    endDue: ({ context, event }) => context.openLots === 0 && reached(event.now, auctionClosesAt(context)),
  },
  actions: auctionEffects,
}).createMachine({
  id: 'auction',
  initial: 'draft',
  context: ({ input }) => input,
  states: {
    draft: {
      on: {
        PUBLISH: { guard: 'publishable', target: 'scheduled', actions: 'publishLots' },
        CANCEL: { target: 'cancelled', actions: 'cancelLots' },
      },
    },
    scheduled: {
      on: {
        TICK: { guard: 'previewDue', target: 'preview' },
        CANCEL: { target: 'cancelled', actions: ['cancelLots', 'refundAllDeposits'] },
      },
    },
    preview: {
      on: {
        TICK: { guard: 'liveDue', target: 'live' },
        CANCEL: { target: 'cancelled', actions: ['cancelLots', 'refundAllDeposits'] },
      },
    },
    live: { on: { TICK: { guard: 'endDue', target: 'ended', actions: 'settleAuction' } } },
    ended: { type: 'final' },
    cancelled: { type: 'final' },
  },
});

/** When bidding in the whole auction closes: its last lot's end (staggered slots, anti-sniping), never before its own. */
export function auctionClosesAt(context: AuctionContext): Date {
  return context.lastLotEndsAt > context.endsAt ? context.lastLotEndsAt : context.endsAt;
}

/** The earliest moment a TICK could move this auction on, or null when nothing is timed. */
export function nextAuctionTransitionAt(status: AuctionStatus, context: AuctionContext): Date | null {
  switch (status) {
    case 'scheduled':
      return context.previewStartsAt;
    case 'preview':
      return context.startsAt;
    case 'live':
      return auctionClosesAt(context);
    default:
      return null;
  }
}

/**
 * The status a reader should see at `now`, whether or not the tick has caught up. Lots
 * that are still open by their stored status count as closed once their end has passed.
 */
export function effectiveAuctionStatus(status: AuctionStatus, context: AuctionContext, now: Date): AuctionStatus {
  const settled = reached(now, context.lastLotEndsAt) ? { ...context, openLots: 0 } : context;
  return catchUp(auctionMachine, status, settled, now).status as AuctionStatus;
}

export function auctionEvent(status: AuctionStatus, context: AuctionContext, event: AuctionEvent) {
  return applyEvent<typeof auctionMachine, AuctionEffect>(auctionMachine, status, context, event);
}
