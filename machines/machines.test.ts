import { describe, expect, it } from 'vitest';
import { auctionEvent, effectiveAuctionStatus, nextAuctionTransitionAt, type AuctionContext } from './auction';
import { depositEvent } from './deposit';
import { effectiveLotStatus, lotEvent, lotStatusWithOrder, nextLotTransitionAt, type LotContext } from './lot';
import { catchUp } from './lifecycle';
import {
  effectiveOrderStatus,
  nextOrderTransitionAt,
  orderEvent,
  orderMachine,
  overdueDeadline,
  type OrderContext,
} from './order';

const h = (hours: number) => new Date(Date.UTC(2026, 10, 1, hours));
const before = (date: Date) => new Date(date.getTime() - 1);

const auction: AuctionContext = {
  previewStartsAt: h(1),
  previewEndsAt: h(2),
  startsAt: h(2),
  endsAt: h(3),
  lotCount: 2,
  openLots: 0,
  lastLotEndsAt: h(3),
};
const lot: LotContext = {
  previewStartsAt: h(1),
  startsAt: h(2),
  endsAt: h(3),
  bidCount: 2,
  currentPrice: 50_000,
  reservePrice: 40_000,
};
const MINUTE = 60_000;
const after = (date: Date, ms: number) => new Date(date.getTime() + ms);
const order: OrderContext = {
  dueAt: h(27),
  autoCompleteAt: h(200),
  openCharge: false,
  graceMs: 5 * MINUTE,
  reminded: true,
};
const charging: OrderContext = { ...order, openCharge: true };

describe('every timed transition fires exactly at the deadline nextTransitionAt names', () => {
  it.each(['scheduled', 'preview', 'live'] as const)('auction %s', (status) => {
    const deadline = nextAuctionTransitionAt(status, auction)!;
    expect(auctionEvent(status, auction, { type: 'TICK', now: before(deadline) })).toBeNull();
    expect(auctionEvent(status, auction, { type: 'TICK', now: deadline })?.to).toBe(
      { scheduled: 'preview', preview: 'live', live: 'ended' }[status],
    );
  });

  it.each(['scheduled', 'preview', 'live'] as const)('lot %s', (status) => {
    const deadline = nextLotTransitionAt(status, lot)!;
    expect(lotEvent(status, lot, { type: 'TICK', now: before(deadline) })).toBeNull();
    expect(lotEvent(status, lot, { type: 'TICK', now: deadline })?.to).toBe(
      { scheduled: 'preview', preview: 'live', live: 'sold' }[status],
    );
  });

  it.each([
    ['pending_payment', order, 'overdue', ['forfeitDeposit']],
    ['pending_payment', charging, 'confirming_payment', []],
    ['pending_payment', { ...order, reminded: false }, 'pending_payment', ['remindPayment']],
    ['confirming_payment', charging, 'overdue', ['forfeitDeposit']],
    ['confirming_payment', order, 'overdue', ['forfeitDeposit']],
    ['shipped', order, 'completed', []],
  ] as const)('order %s (case %#)', (status, context, to, effects) => {
    const deadline = nextOrderTransitionAt(status, context)!;
    expect(orderEvent(status, context, { type: 'TICK', now: before(deadline) })).toBeNull();
    expect(orderEvent(status, context, { type: 'TICK', now: deadline })).toMatchObject({ to, effects });
  });

  it('has no deadline in states nothing times', () => {
    expect(nextAuctionTransitionAt('ended', auction)).toBeNull();
    expect(nextLotTransitionAt('sold', lot)).toBeNull();
    expect(nextOrderTransitionAt('paid', order)).toBeNull();
  });
});

describe('auction', () => {
  it('publishes only with lots and before the preview', () => {
    expect(auctionEvent('draft', auction, { type: 'PUBLISH', now: h(0) })).toMatchObject({
      to: 'scheduled',
      effects: ['publishLots'],
    });
    expect(auctionEvent('draft', auction, { type: 'PUBLISH', now: h(1) })).toBeNull();
    expect(auctionEvent('draft', { ...auction, lotCount: 0 }, { type: 'PUBLISH', now: h(0) })).toBeNull();
    expect(auctionEvent('draft', { ...auction, startsAt: h(4) }, { type: 'PUBLISH', now: h(0) })).toBeNull();
  });

  it('cancels before it goes live, refunding deposits once published, and never after', () => {
    expect(auctionEvent('draft', auction, { type: 'CANCEL', now: h(0) })?.effects).toEqual(['cancelLots']);
    expect(auctionEvent('preview', auction, { type: 'CANCEL', now: h(1) })?.effects).toEqual([
      'cancelLots',
      'refundAllDeposits',
    ]);
    expect(auctionEvent('live', auction, { type: 'CANCEL', now: h(2) })).toBeNull();
    expect(auctionEvent('ended', auction, { type: 'CANCEL', now: h(4) })).toBeNull();
  });

  it('ends only once every lot has closed, anti-sniping included, and settles then', () => {
    expect(auctionEvent('live', { ...auction, openLots: 1 }, { type: 'TICK', now: h(5) })).toBeNull();
    expect(auctionEvent('live', { ...auction, lastLotEndsAt: h(4) }, { type: 'TICK', now: h(3) })).toBeNull();
    expect(auctionEvent('live', auction, { type: 'TICK', now: h(3) })?.effects).toEqual(['settleAuction']);
  });

  it('reads as the clock says, however late the tick', () => {
    expect(effectiveAuctionStatus('scheduled', { ...auction, openLots: 2 }, h(2))).toBe('live');
    expect(effectiveAuctionStatus('scheduled', { ...auction, openLots: 2 }, h(3))).toBe('ended');
    expect(effectiveAuctionStatus('live', { ...auction, openLots: 2, lastLotEndsAt: h(4) }, h(3))).toBe('live');
  });
});

describe('lot', () => {
  it('closes sold with a bid at or over the reserve, else unsold', () => {
    expect(lotEvent('live', lot, { type: 'TICK', now: h(3) })).toMatchObject({
      to: 'sold',
      effects: ['createOrder', 'refundLosingLotDeposits'],
    });
    expect(lotEvent('live', { ...lot, reservePrice: 50_000 }, { type: 'TICK', now: h(3) })?.to).toBe('sold');
    expect(lotEvent('live', { ...lot, reservePrice: 50_001 }, { type: 'TICK', now: h(3) })?.to).toBe('unsold');
    expect(
      lotEvent('live', { ...lot, bidCount: 0, currentPrice: null, reservePrice: null }, { type: 'TICK', now: h(3) })
        ?.to,
    ).toBe('unsold');
  });

  it('takes bids only while live and before its end', () => {
    expect(lotEvent('live', lot, { type: 'BID', now: before(h(3)) })?.effects).toEqual(['recordBid']);
    expect(lotEvent('live', lot, { type: 'BID', now: h(3) })).toBeNull();
    expect(lotEvent('preview', lot, { type: 'BID', now: h(1) })).toBeNull();
    expect(effectiveLotStatus('scheduled', lot, new Date(h(3).getTime() + 1))).toBe('sold');
  });

  it('reads paid or overdue with its order, before the tick writes it', () => {
    expect(lotStatusWithOrder('sold', 'overdue', lot, h(28))).toBe('overdue');
    expect(lotStatusWithOrder('sold', 'shipped', lot, h(28))).toBe('paid');
    expect(lotStatusWithOrder('sold', 'pending_payment', lot, h(5))).toBe('sold');
    expect(lotStatusWithOrder('sold', null, lot, h(5))).toBe('sold');
    expect(lotStatusWithOrder('paid', 'overdue', lot, h(28))).toBe('paid');
    // An operator's cancel leaves the sale on record: the lot stays sold, its order says cancelled.
    expect(lotStatusWithOrder('sold', 'cancelled', lot, h(5))).toBe('sold');
  });

  it('is paid or overdue only once sold', () => {
    expect(lotEvent('sold', lot, { type: 'PAY', now: h(4) })?.to).toBe('paid');
    expect(lotEvent('sold', lot, { type: 'OVERDUE', now: h(4) })?.to).toBe('overdue');
    expect(lotEvent('unsold', lot, { type: 'PAY', now: h(4) })).toBeNull();
    expect(lotEvent('paid', lot, { type: 'OVERDUE', now: h(40) })).toBeNull();
  });
});

describe('order', () => {
  const pay = (now: Date, paidAt = now) => ({ type: 'PAY' as const, now, paidAt });

  it('pays, ships and completes in order, and refuses anything else', () => {
    expect(orderEvent('pending_payment', order, pay(h(5)))).toMatchObject({ to: 'paid', effects: ['releaseDeposits'] });
    expect(orderEvent('pending_payment', order, { type: 'SHIP', now: h(5) })).toBeNull();
    expect(orderEvent('paid', order, { type: 'SHIP', now: h(5) })?.to).toBe('shipped');
    expect(orderEvent('paid', order, pay(h(5)))).toBeNull();
    expect(orderEvent('shipped', order, { type: 'CONFIRM', now: h(6) })?.to).toBe('completed');
    expect(orderEvent('overdue', order, pay(h(30), h(26)))).toBeNull();
  });

  it('accepts a payment by the provider’s paid-at time: up to dueAt, in confirming_payment too', () => {
    expect(orderEvent('confirming_payment', charging, pay(after(h(27), 4 * MINUTE), h(27)))?.to).toBe('paid');
    expect(orderEvent('confirming_payment', charging, pay(after(h(27), 4 * MINUTE), after(h(27), 1)))).toBeNull();
    expect(orderEvent('pending_payment', charging, pay(h(27), after(h(27), 1)))).toBeNull();
  });

  it('reads confirming_payment through the grace period while a charge is open, then overdue', () => {
    expect(effectiveOrderStatus('pending_payment', charging, before(h(27)))).toBe('pending_payment');
    expect(effectiveOrderStatus('pending_payment', charging, h(27))).toBe('confirming_payment');
    expect(effectiveOrderStatus('pending_payment', charging, after(h(27), 5 * MINUTE - 1))).toBe('confirming_payment');
    expect(effectiveOrderStatus('pending_payment', charging, after(h(27), 5 * MINUTE))).toBe('overdue');
    expect(effectiveOrderStatus('pending_payment', order, h(27))).toBe('overdue');
  });

  it('dates overdue by the deadline that caused it', () => {
    const late = after(h(27), 3 * 3_600_000);
    expect(overdueDeadline(catchUp(orderMachine, 'pending_payment', charging, late).steps, charging)).toEqual(
      after(h(27), 5 * MINUTE),
    );
    expect(overdueDeadline(catchUp(orderMachine, 'pending_payment', order, late).steps, order)).toEqual(h(27));
  });

  it('reminds once, two hours before dueAt, even on a late tick, and never from dueAt on', () => {
    const unreminded = { ...order, reminded: false };
    expect(nextOrderTransitionAt('pending_payment', unreminded)).toEqual(h(25));
    expect(nextOrderTransitionAt('pending_payment', order)).toEqual(h(27));
    const lateTick = catchUp(orderMachine, 'pending_payment', unreminded, after(h(26), 59 * MINUTE));
    expect(lateTick).toEqual({
      status: 'pending_payment',
      steps: [expect.objectContaining({ to: 'pending_payment', effects: ['remindPayment'] })],
    });
    expect(orderEvent('pending_payment', order, { type: 'TICK', now: h(26) })).toBeNull();
    const pastDue = catchUp(orderMachine, 'pending_payment', unreminded, h(27));
    expect(pastDue.steps.flatMap((step) => step.effects)).toEqual(['forfeitDeposit']);
    expect(effectiveOrderStatus('pending_payment', unreminded, h(26))).toBe('pending_payment');
  });

  it('is cancelled by an operator only while awaiting payment, before dueAt, releasing what it held', () => {
    const cancel = (now: Date) => ({ type: 'CANCEL' as const, now });
    expect(orderEvent('pending_payment', order, cancel(h(5)))).toMatchObject({
      to: 'cancelled',
      effects: ['releaseCancelled'],
    });
    expect(orderEvent('pending_payment', order, cancel(h(27)))).toBeNull();
    for (const status of ['confirming_payment', 'paid', 'shipped', 'completed', 'overdue', 'cancelled'] as const) {
      expect(orderEvent(status, order, cancel(h(5))), status).toBeNull();
    }
    expect(nextOrderTransitionAt('cancelled', order)).toBeNull();
  });

  it('goes overdue at dueAt with the deposit forfeited', () => {
    expect(orderEvent('pending_payment', order, { type: 'TICK', now: h(27) })?.effects).toEqual(['forfeitDeposit']);
    expect(effectiveOrderStatus('pending_payment', order, h(27))).toBe('overdue');
    expect(effectiveOrderStatus('paid', order, h(300))).toBe('paid');
  });
});

describe('deposit', () => {
  it('deducts to forfeited when the deduction takes everything, else keeps its status', () => {
    expect(depositEvent('frozen', { balance: 100_000, deduction: 20_000 }, { type: 'DEDUCT' })).toMatchObject({
      to: 'frozen',
      effects: ['deductBalance'],
    });
    expect(depositEvent('frozen', { balance: 20_000, deduction: 20_000 }, { type: 'DEDUCT' })?.to).toBe('forfeited');
    expect(depositEvent('held', { balance: 20_000, deduction: 20_000 }, { type: 'REFUND' })?.to).toBe('refunded');
    expect(depositEvent('pending', { balance: 0, deduction: 0 }, { type: 'REFUND' })).toBeNull();
    expect(depositEvent('refunded', { balance: 0, deduction: 0 }, { type: 'REFUND' })).toBeNull();
    expect(depositEvent('forfeited', { balance: 0, deduction: 0 }, { type: 'PAY' })).toBeNull();
  });
});
