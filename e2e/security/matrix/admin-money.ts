import type { AdminMoneySecurityFixtures } from '../fixtures/admin-money';
import { areaFixtures, type Role } from '../support';
import { adminOnly, type MatrixRow, type Probe } from './rows';

const records = () => areaFixtures<AdminMoneySecurityFixtures>('admin-money');

/** A route handler answers in JSON: no session 401, a buyer 403, an admin the file. */
const adminOnlyRoute: Record<Role, string> = {
  anonymous: 'unauthenticated',
  blockedBuyer: 'unauthenticated',
  admin: 'ok',
  otherBuyer: 'forbidden',
  buyer: 'forbidden',
};

/**
 * An admin action probed with a record that does not exist: everyone else is refused before
 * the input is read, the admin gets past authorisation to NOT_FOUND, and nothing is written.
 */
const adminAction = (page: () => string, arg: () => unknown): { probe: Probe; expect: Record<Role, string> } => ({
  probe: { action: true, page, encoding: 'json', arg },
  expect: {
    anonymous: 'unauthenticated',
    blockedBuyer: 'unauthenticated',
    admin: 'not-found',
    otherBuyer: 'forbidden',
    buyer: 'forbidden',
  },
});

const MISSING = 2_000_000_000;

/** Who may use the pages, routes and actions of this area. */
export const adminMoneyRows: Record<string, MatrixRow> = {
  '/admin/auctions/[id]': {
    probe: { method: 'GET', path: () => `/admin/auctions/${records().auctionId}` },
    expect: adminOnly,
    why: 'auction detail: deposits, refunds and buyers of an auction',
  },
  '/admin/auctions/[id]/lots/[lotId]': {
    probe: { method: 'GET', path: () => `/admin/auctions/${records().auctionId}/lots/${records().lotId}` },
    expect: adminOnly,
    why: 'bidders and their proxy maxima',
  },
  '/admin/orders': { probe: { method: 'GET', path: () => '/admin/orders' }, expect: adminOnly, why: 'every order' },
  '/admin/orders/[id]': {
    probe: { method: 'GET', path: () => `/admin/orders/${records().orderId}` },
    expect: adminOnly,
    why: "a buyer's order, address and payments",
  },
  '/api/admin/orders.csv': {
    probe: { method: 'GET', path: () => '/api/admin/orders.csv' },
    expect: adminOnlyRoute,
    why: 'orders with buyers’ names and phones, checked inside the handler',
  },
  '/api/admin/auctions/[id]/bids.csv': {
    probe: { method: 'GET', path: () => `/api/admin/auctions/${records().auctionId}/bids.csv` },
    expect: adminOnlyRoute,
    why: 'bidders of an auction, checked inside the handler',
  },
  'actions/admin-orders.ts#shipOrderAction': {
    ...adminAction(
      () => '/admin/orders',
      () => ({ orderId: MISSING, carrier: '顺丰', trackingNo: 'SF1' }),
    ),
    why: 'operators only ship orders',
  },
  'actions/admin-orders.ts#cancelOrderAction': {
    ...adminAction(
      () => '/admin/orders',
      () => ({ orderId: MISSING, reason: '测试' }),
    ),
    why: 'operators only cancel orders',
  },
  'actions/admin-refunds.ts#manualRefundAction': {
    ...adminAction(
      () => `/admin/auctions/${records().auctionId}`,
      () => ({ depositId: MISSING, reason: '测试' }),
    ),
    why: 'operators only give deposits back',
  },
  'actions/admin-refunds.ts#retryRefundAction': {
    ...adminAction(
      () => `/admin/auctions/${records().auctionId}`,
      () => ({ refundId: MISSING }),
    ),
    why: 'operators only resend refunds',
  },
};
