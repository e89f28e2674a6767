import { describe, expect, it } from 'vitest';
import { notificationView } from './notification-view';

describe('notificationView', () => {
  it('formats money in the reader’s language and keeps the other parameters', () => {
    const view = notificationView('outbid', { lotId: 7, lotTitle: '茶饼', price: 15_000 }, 'en');
    expect(view).toEqual({ params: { lotId: 7, lotTitle: '茶饼', price: '¥150.00' }, href: '/lots/7' });
    expect(notificationView('order_overdue', { orderNo: 'GV1', forfeited: 20_000 }, 'zh-CN').params.forfeited).toBe(
      '¥200.00',
    );
  });

  it('leads to the lot, the orders or the deposits', () => {
    expect(notificationView('order_created', { lotId: 3 }, 'zh-CN').href).toBe('/me/orders');
    expect(notificationView('refund_made', { purpose: 'order', amount: 1 }, 'zh-CN').href).toBe('/me/orders');
    expect(notificationView('refund_made', { purpose: 'deposit', amount: 1 }, 'zh-CN').href).toBe('/me/deposits');
    expect(notificationView('bidding_blocked', { strikes: 3 }, 'zh-CN').href).toBeNull();
  });

  it('links nowhere for a malformed lot id, and drops values that are not text or numbers', () => {
    const view = notificationView('outbid', { lotId: '../admin', lotTitle: { nested: true }, price: 1 }, 'zh-CN');
    expect(view.href).toBeNull();
    expect(view.params).toEqual({ lotId: '../admin', price: '¥0.01' });
  });
});
