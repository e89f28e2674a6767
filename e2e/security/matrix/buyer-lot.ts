import type { BuyerLotFixtures } from '../fixtures/buyer-lot';
import { areaFixtures, type Role } from '../support';
import { everyone, get, type MatrixRow, type Probe } from './rows';

const fixtures = () => areaFixtures<BuyerLotFixtures>('buyer-lot');

/** Buyers' own actions: signed-out and blocked callers are refused, an admin is not a buyer. */
const buyersOnly = (outcome: string): Record<Role, string> => ({
  anonymous: 'unauthenticated',
  blockedBuyer: 'unauthenticated',
  admin: 'forbidden',
  otherBuyer: outcome,
  buyer: outcome,
});

const onEndedLot = (arg: () => unknown): Probe => ({
  action: true,
  page: () => `/lots/${fixtures().endedLotId}`,
  encoding: 'json',
  arg,
});

/** Who may use the pages, routes and actions of this area. */
export const buyerLotRows: Record<string, MatrixRow> = {
  '/lots/[id]': {
    probe: { method: 'GET', path: () => `/lots/${fixtures().liveLotId}` },
    expect: everyone('ok'),
    why: 'a public lot page; the personal part shows only the caller’s own state',
  },
  '/lots/[id]/bids': {
    probe: { method: 'GET', path: () => `/lots/${fixtures().liveLotId}/bids` },
    expect: everyone('ok'),
    why: 'a lot’s whole bid history, public like the lot page, with names masked',
  },
  '/api/v1/auctions': { probe: get('/api/v1/auctions'), expect: everyone('ok'), why: 'public read API' },
  '/api/v1/auctions/[id]': {
    probe: { method: 'GET', path: () => `/api/v1/auctions/${fixtures().endedAuctionId}` },
    expect: everyone('ok'),
    why: 'public read API',
  },
  '/api/v1/lots/[id]': {
    probe: { method: 'GET', path: () => `/api/v1/lots/${fixtures().liveLotId}` },
    expect: everyone('ok'),
    why: 'public read API: a lot’s live state, the same for everyone',
  },
  '/api/v1/lots/[id]/me': {
    probe: { method: 'GET', path: () => `/api/v1/lots/${fixtures().liveLotId}/me` },
    expect: everyone('ok'),
    why: 'each caller gets only their own state (signedIn false without a session)',
  },
  '/api/v1/openapi.json': { probe: get('/api/v1/openapi.json'), expect: everyone('ok'), why: 'the API’s description' },
  '/api/v1/time': {
    probe: get('/api/v1/time'),
    expect: everyone('ok'),
    why: 'the server’s clock for countdowns: public, no-store, reveals nothing else',
  },
  'actions/deposits.ts#payDepositAction': {
    probe: onEndedLot(() => ({ auctionId: fixtures().endedAuctionId })),
    expect: buyersOnly('lot_not_biddable'),
    why: 'a buyer pays their own deposit; an ended auction takes none, so nothing is charged',
  },
  'actions/bids.ts#placeBidAction': {
    probe: onEndedLot(() => ({ lotId: fixtures().endedLotId, amount: '100' })),
    expect: buyersOnly('lot_not_biddable'),
    why: 'buyers bid for themselves only; the lot is closed, so no bid is placed',
    // The per-buyer rate limit counts the attempt before the lot is read.
    writes: ['otherBuyer', 'buyer'],
  },
  'actions/bids.ts#setProxyBidAction': {
    probe: onEndedLot(() => ({ lotId: fixtures().endedLotId, maxAmount: '500' })),
    expect: buyersOnly('lot_not_biddable'),
    why: 'a proxy maximum is its owner’s; the lot is closed, so none is set',
    writes: ['otherBuyer', 'buyer'],
  },
  'actions/lot-views.ts#recordLotViewAction': {
    probe: {
      action: true,
      page: () => `/lots/${fixtures().liveLotId}`,
      encoding: 'json',
      arg: () => ({ lotId: fixtures().liveLotId }),
    },
    expect: everyone('ok'),
    why: '围观 counts a signed-in buyer, or an anonymous visitor from their second call on (signed cookie), once a day',
    writes: ['anonymous', 'blockedBuyer', 'admin', 'otherBuyer', 'buyer'],
  },
};
