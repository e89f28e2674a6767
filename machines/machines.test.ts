import { describe, expect, it } from 'vitest';
import { auctionEvent, effectiveAuctionStatus, nextAuctionTransitionAt, type AuctionContext } from './auction';
import { depositEvent } from './deposit';
import { effectiveLotStatus, lotEvent, lotStatusWithOrder, nextLotTransitionAt, type LotContext } from './lot';
import { effectiveOrderStatus, nextOrderTransitionAt, orderEvent, type OrderContext } from './order';

const h = (hours: number) => new Date(Date.UTC(2026, 10, 1, hours));
const before = (date: Date) => new Date(date.getTime() - 1);

const auction: AuctionContext = { previewStartsAt: h(1), previewEndsAt: h(2), startsAt: h(2), endsAt: h(3), lotCount: 2, openLots: 0, lastLotEndsAt: h(3) };
const lot: LotContext = { previewStartsAt: h(1), startsAt: h(2), endsAt: h(3), bidCount: 2, currentPrice: 50_000, reservePrice: 40_000 };
const order: OrderContext = { dueAt: h(27), autoCompleteAt: h(200) };

describe('every timed transition fires exactly at the deadline nextTransitionAt names', () => {
  it.each(['scheduled', 'preview', 'live'] as const)('auction %s', (status) => {
    const deadline = nextAuctionTransitionAt(status, auction)!;
    expect(auctionEvent(status, auction, { type: 'TICK', now: before(deadline) })).toBeNull();
    expect(auctionEvent(status, auction, { type: 'TICK', now: deadline })?.to).toBe({ scheduled: 'preview', preview: 'live', live: 'ended' }[status]);
  });

  it.each(['scheduled', 'preview', 'live'] as const)('lot %s', (status) => {
    const deadline = nextLotTransitionAt(status, lot)!;
    expect(lotEvent(status, lot, { type: 'TICK', now: before(deadline) })).toBeNull();
    expect(lotEvent(status, lot, { type: 'TICK', now: deadline })?.to).toBe({ scheduled: 'preview', preview: 'live', live: 'sold' }[status]);
  });

  it.each(['pending_payment', 'shipped'] as const)('order %s', (status) => {
    const deadline = nextOrderTransitionAt(status, order)!;
    expect(orderEvent(status, order, { type: 'TICK', now: before(deadline) })).toBeNull();
    expect(orderEvent(status, order, { type: 'TICK', now: deadline })?.to).toBe({ pending_payment: 'overdue', shipped: 'completed' }[status]);
  });

  it('has no deadline in states nothing times', () => {
    expect(nextAuctionTransitionAt('ended', auction)).toBeNull();
    expect(nextLotTransitionAt('sold', lot)).toBeNull();
    expect(nextOrderTransitionAt('paid', order)).toBeNull();
  });
});

describe('auction', () => {
  it('publishes only with lots and before the preview', () => {
    expect(auctionEvent('draft', auction, { type: 'PUBLISH', now: h(0) })).toMatchObject({ to: 'scheduled', effects: ['publishLots'] });
    expect(auctionEvent('draft', auction, { type: 'PUBLISH', now: h(1) })).toBeNull();
    expect(auctionEvent('draft', { ...auction, lotCount: 0 }, { type: 'PUBLISH', now: h(0) })).toBeNull();
    expect(auctionEvent('draft', { ...auction, startsAt: h(4) }, { type: 'PUBLISH', now: h(0) })).toBeNull();
  });

  it('cancels before it goes live, refunding deposits once published, and never after', () => {
    expect(auctionEvent('draft', auction, { type: 'CANCEL', now: h(0) })?.effects).toEqual(['cancelLots']);
    expect(auctionEvent('preview', auction, { type: 'CANCEL', now: h(1) })?.effects).toEqual(['cancelLots', 'refundAllDeposits']);
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
    expect(lotEvent('live', lot, { type: 'TICK', now: h(3) })).toMatchObject({ to: 'sold', effects: ['createOrder', 'refundLosingLotDeposits'] });
    expect(lotEvent('live', { ...lot, reservePrice: 50_000 }, { type: 'TICK', now: h(3) })?.to).toBe('sold');
    expect(lotEvent('live', { ...lot, reservePrice: 50_001 }, { type: 'TICK', now: h(3) })?.to).toBe('unsold');
    expect(lotEvent('live', { ...lot, bidCount: 0, currentPrice: null, reservePrice: null }, { type: 'TICK', now: h(3) })?.to).toBe('unsold');
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
  });

  it('is paid or overdue only once sold', () => {
    expect(lotEvent('sold', lot, { type: 'PAY', now: h(4) })?.to).toBe('paid');
    expect(lotEvent('sold', lot, { type: 'OVERDUE', now: h(4) })?.to).toBe('overdue');
    expect(lotEvent('unsold', lot, { type: 'PAY', now: h(4) })).toBeNull();
    expect(lotEvent('paid', lot, { type: 'OVERDUE', now: h(40) })).toBeNull();
  });
});

describe('order', () => {
  it('pays, ships and completes in order, and refuses anything else', () => {
    expect(orderEvent('pending_payment', order, { type: 'PAY', now: h(5) })).toMatchObject({ to: 'paid', effects: ['releaseDeposits'] });
    expect(orderEvent('pending_payment', order, { type: 'SHIP', now: h(5) })).toBeNull();
    expect(orderEvent('paid', order, { type: 'SHIP', now: h(5) })?.to).toBe('shipped');
    expect(orderEvent('paid', order, { type: 'PAY', now: h(5) })).toBeNull();
    expect(orderEvent('shipped', order, { type: 'CONFIRM', now: h(6) })?.to).toBe('completed');
    expect(orderEvent('overdue', order, { type: 'PAY', now: h(30) })).toBeNull();
  });

  it('goes overdue at dueAt with the deposit forfeited', () => {
    expect(orderEvent('pending_payment', order, { type: 'TICK', now: h(27) })?.effects).toEqual(['forfeitDeposit']);
    expect(effectiveOrderStatus('pending_payment', order, h(27))).toBe('overdue');
    expect(effectiveOrderStatus('paid', order, h(300))).toBe('paid');
  });
});

describe('deposit', () => {
  it('deducts to forfeited when the deduction takes everything, else keeps its status', () => {
    expect(depositEvent('frozen', { balance: 100_000, deduction: 20_000 }, { type: 'DEDUCT' })).toMatchObject({ to: 'frozen', effects: ['deductBalance'] });
    expect(depositEvent('frozen', { balance: 20_000, deduction: 20_000 }, { type: 'DEDUCT' })?.to).toBe('forfeited');
    expect(depositEvent('held', { balance: 20_000, deduction: 20_000 }, { type: 'REFUND' })?.to).toBe('refunded');
    expect(depositEvent('pending', { balance: 0, deduction: 0 }, { type: 'REFUND' })).toBeNull();
    expect(depositEvent('refunded', { balance: 0, deduction: 0 }, { type: 'REFUND' })).toBeNull();
    expect(depositEvent('forfeited', { balance: 0, deduction: 0 }, { type: 'PAY' })).toBeNull();
  });
});
