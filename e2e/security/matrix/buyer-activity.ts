import type { BuyerActivitySecurityFixtures } from '../fixtures/buyer-activity';
import { areaFixtures } from '../support';
import { get, type MatrixRow } from './rows';

const fixtures = () => areaFixtures<BuyerActivitySecurityFixtures>('buyer-activity');

/** A buyer's own page: anonymous and blocked visitors sign in first; an admin has no buyer records. */
const ownBuyerPage = {
  anonymous: 'login',
  blockedBuyer: 'login',
  admin: 'forbidden',
  otherBuyer: 'ok',
  buyer: 'ok',
};

/** A buyer action: the wrapper refuses the signed-out (a blocked session counts as signed out) and admins. */
const buyersOnly = (otherBuyer: string) => ({
  anonymous: 'unauthenticated',
  blockedBuyer: 'unauthenticated',
  admin: 'forbidden',
  otherBuyer,
  buyer: 'ok',
});

/** Who may use the pages, routes and actions of this area. */
export const buyerActivityRows: Record<string, MatrixRow> = {
  '/me/notifications': {
    probe: get('/me/notifications'),
    expect: ownBuyerPage,
    why: "each buyer's own notifications, read with their id",
  },
  '/me/watchlist': { probe: get('/me/watchlist'), expect: ownBuyerPage, why: "each buyer's own watchlist" },
  '/api/v1/me/unread': {
    probe: get('/api/v1/me/unread'),
    expect: buyersOnly('ok'),
    why: "the bell's count of the caller's own unread notifications, from their session only",
  },
  'actions/notifications.ts#markNotificationReadAction': {
    probe: {
      action: true,
      page: () => '/me/notifications',
      encoding: 'json',
      arg: () => ({ notificationId: fixtures().notificationId }),
    },
    expect: buyersOnly('not-found'),
    why: "only its owner marks a notification read; another buyer's id looks like none at all",
    writes: ['buyer'],
  },
  'actions/notifications.ts#markAllNotificationsReadAction': {
    probe: { action: true, page: () => '/me/notifications', encoding: 'json', arg: () => ({}) },
    expect: buyersOnly('ok'),
    why: "marks the caller's own notifications only",
    writes: ['otherBuyer', 'buyer'],
  },
  'actions/watchlist.ts#setWatch': {
    probe: {
      action: true,
      page: () => '/me/watchlist',
      encoding: 'json',
      arg: () => ({ lotId: fixtures().lotId, watching: true }),
    },
    expect: buyersOnly('ok'),
    why: "any buyer may watch a published lot; it writes the caller's own row only",
    writes: ['otherBuyer', 'buyer'],
  },
};
