import type { AdminAuctionsSecurityFixtures } from '../fixtures/admin-auctions';
import { areaFixtures } from '../support';
import { adminOnly, everyone, get, type MatrixRow, type Probe } from './rows';

const ids = () => areaFixtures<AdminAuctionsSecurityFixtures>('admin-auctions');
const page = (path: () => string): Probe => ({ method: 'GET', path });

/**
 * Every admin action refuses a signed-out or blocked caller (UNAUTHENTICATED) and a buyer
 * (FORBIDDEN) before reading its input; an admin reaches validation with the harmless,
 * invalid argument the probe sends, so nothing is written.
 */
const adminAction: Record<string, string> = {
  anonymous: 'unauthenticated',
  blockedBuyer: 'unauthenticated',
  admin: 'invalid',
  otherBuyer: 'forbidden',
  buyer: 'forbidden',
};
const action = (
  file: string,
  name: string,
  arg: () => unknown,
  encoding: 'json' | 'multipart' = 'json',
): [string, MatrixRow] => [
  `actions/${file}.ts#${name}`,
  {
    probe: { action: true, page: () => `/admin/auctions/${ids().auctionId}/edit`, encoding, arg },
    expect: adminAction as MatrixRow['expect'],
    why: 'back-office write: admins only; the probe is refused by validation',
  },
];

/** Who may use the pages, routes and actions of this area. */
export const adminAuctionsRows: Record<string, MatrixRow> = {
  '/admin/auctions/new': { probe: get('/admin/auctions/new'), expect: adminOnly, why: 'back office: new auction form' },
  '/admin/auctions/[id]/edit': {
    probe: page(() => `/admin/auctions/${ids().auctionId}/edit`),
    expect: adminOnly,
    why: 'back office: auction edit form and its controls',
  },
  '/admin/auctions/[id]/edit/lots/new': {
    probe: page(() => `/admin/auctions/${ids().auctionId}/edit/lots/new`),
    expect: adminOnly,
    why: 'back office: new lot form',
  },
  '/admin/auctions/[id]/edit/lots/[lotId]': {
    probe: page(() => `/admin/auctions/${ids().auctionId}/edit/lots/${ids().lotId}`),
    expect: adminOnly,
    why: 'back office: lot edit form',
  },
  '/admin/auctions/[id]/relist': {
    probe: page(() => `/admin/auctions/${ids().auctionId}/relist`),
    expect: adminOnly,
    why: 'back office: relist form (a draft has nothing to relist, the page says so)',
  },
  '/api/uploadthing': {
    probe: get('/api/uploadthing'),
    expect: everyone('not-found'),
    why: 'UploadThing is off without UPLOADTHING_TOKEN; when on, each file route admits admins only',
  },
  '/api/admin/uploads': {
    // No x-upload-kind header: an admin is refused by validation before any byte is read or written.
    probe: {
      method: 'POST',
      path: () => '/api/admin/uploads',
      headers: { 'content-type': 'image/png' },
      body: () => 'x',
    },
    expect: adminAction as MatrixRow['expect'],
    why: 'the local store upload: admins only, checked before the body is read, which is capped per kind (413)',
  },
  ...Object.fromEntries([
    action('admin-auctions', 'createAuctionAction', () => ({})),
    action('admin-auctions', 'updateAuctionAction', () => ({ auctionId: ids().auctionId })),
    action('admin-auctions', 'extendAuctionEndAction', () => ({ auctionId: ids().auctionId, version: 1, endsAt: '' })),
    action('admin-auctions', 'relistAuctionAction', () => ({ sourceAuctionId: ids().auctionId, lots: [] })),
    action('admin-auctions', 'publishAuctionAction', () => ({ auctionId: 'not-an-id' })),
    action('admin-auctions', 'cancelAuctionAction', () => ({ auctionId: 'not-an-id' })),
    action('admin-lots', 'createLotAction', () => ({ auctionId: ids().auctionId })),
    action('admin-lots', 'updateLotAction', () => ({ lotId: ids().lotId })),
    action('admin-lots', 'reorderLotsAction', () => ({ auctionId: ids().auctionId, lotIds: [] })),
    action('admin-lots', 'removeLotAction', () => ({ lotId: 'not-an-id' })),
  ]),
};
