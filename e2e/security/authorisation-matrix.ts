import { securityFixtures } from './support';
import { adminAuctionsRows } from './matrix/admin-auctions';
import { adminMoneyRows } from './matrix/admin-money';
import { adminPeopleRows } from './matrix/admin-people';
import { buyerLotRows } from './matrix/buyer-lot';
import { buyerAccountRows } from './matrix/buyer-account';
import { buyerActivityRows } from './matrix/buyer-activity';
import { everyone, get, adminOnly, signedOutOnly, type MatrixRow } from './matrix/rows';

export type { Probe } from './matrix/rows';

/**
 * What each role gets from every page, route handler and server action of the build. The
 * surface is discovered from the build's manifests: one without a row here fails the matrix
 * test, so whoever adds a page or action decides who may use it. Each area of the app keeps
 * its rows in matrix/<area>.ts; the core rows are below.
 */
const pendingPayPath = () => `/sandbox/pay/${securityFixtures().pendingReference}`;

const coreRows: Record<string, MatrixRow> = {
  '/': { probe: get('/'), expect: everyone('ok'), why: 'the public auction list' },
  '/auctions/[id]': {
    probe: { method: 'GET', path: () => `/auctions/${securityFixtures().auctionId}` },
    expect: everyone('ok'),
    why: 'a public auction',
  },
  '/login': { probe: get('/login'), expect: signedOutOnly, why: 'sign-in form; a signed-in user is sent home' },
  '/signup': { probe: get('/signup'), expect: signedOutOnly, why: 'sign-up form; a signed-in user is sent home' },
  '/admin': { probe: get('/admin'), expect: adminOnly, why: 'back office' },
  '/admin/auctions': { probe: get('/admin/auctions'), expect: adminOnly, why: 'back office' },
  '/sandbox/pay/[reference]': {
    probe: { method: 'GET', path: pendingPayPath },
    expect: { anonymous: 'login', blockedBuyer: 'login', admin: 'not-found', otherBuyer: 'not-found', buyer: 'ok' },
    why: "a charge is shown to its payer only; anyone else's looks like no charge at all",
  },
  '/_not-found': { probe: get('/_not-found'), expect: everyone('not-found'), why: "Next's own not-found page" },
  '/_global-error': {
    probe: get('/_global-error'),
    expect: everyone('error 500'),
    why: "Next's own global error page, served with its 500 status when requested directly (framework behaviour)",
  },
  '/api/auth/[...nextauth]': {
    probe: get('/api/auth/session'),
    expect: everyone('ok'),
    why: "Auth.js's session endpoint: each caller sees only their own",
  },
  '/api/payments/sandbox/webhook': {
    probe: {
      method: 'POST',
      path: () => '/api/payments/sandbox/webhook',
      headers: { 'content-type': 'application/json' },
      body: () => JSON.stringify({ type: 'charge.succeeded', reference: securityFixtures().pendingReference }),
    },
    expect: everyone('invalid'),
    why: 'only a signed notification settles a charge; a session grants nothing',
  },
  '/api/tick': { probe: get('/api/tick'), expect: everyone('unauthenticated'), why: 'the cron bearer only' },
  '/api/test/clock': {
    probe: get('/api/test/clock'),
    expect: everyone('unauthenticated'),
    why: 'test mode and the cron bearer only',
  },
  '/api/test/row-counts': {
    probe: get('/api/test/row-counts'),
    expect: everyone('unauthenticated'),
    why: 'test mode and the cron bearer only',
  },
  '/uploads/[...path]': {
    probe: get('/uploads/demo/auction-1-lot-1.svg'),
    expect: everyone('ok'),
    why: 'public images, like a CDN',
  },

  'actions/set-locale.ts#setLocale': {
    probe: { action: true, page: () => '/', encoding: 'json', arg: () => 'en' },
    expect: everyone('ok'),
    why: 'anyone may choose a language (the answer is the page, re-rendered in it)',
  },
  'actions/sign-out.ts#signOutAction': {
    probe: { action: true, page: () => '/', encoding: 'json', arg: () => undefined },
    expect: everyone('redirect /'),
    why: 'signing out needs no permission',
  },
  'actions/auth.ts#signInAction': {
    probe: { action: true, page: () => '/login', encoding: 'json', arg: () => ({ identifier: '', password: '' }) },
    expect: everyone('invalid'),
    why: 'public: reaches validation whoever calls (empty input, so no throttle is touched)',
  },
  'actions/auth.ts#signUpAction': {
    probe: {
      action: true,
      page: () => '/signup',
      encoding: 'json',
      arg: () => ({ name: '', phone: '', password: '', confirmPassword: '' }),
    },
    expect: everyone('invalid'),
    why: 'public: reaches validation whoever calls',
  },
  'actions/sandbox-checkout.ts#submitSandboxCharge': {
    probe: {
      action: true,
      page: pendingPayPath,
      encoding: 'multipart',
      arg: () => ({ reference: securityFixtures().pendingReference, outcome: 'succeeded' }),
    },
    // A refusal returns nothing to the form (the page stays as it was); only the payer is sent on.
    expect: {
      anonymous: 'no result',
      blockedBuyer: 'no result',
      admin: 'no result',
      otherBuyer: 'no result',
      // The payer last (ROLES order): this one pays the charge.
      buyer: 'redirect /sandbox/pay/{reference}?result=applied',
    },
    why: "only the payer settles their charge; another buyer's attempt changes nothing",
    writes: ['buyer'],
  },
};

export const authorisationMatrix: Record<string, MatrixRow> = {
  ...coreRows,
  ...adminAuctionsRows,
  ...adminMoneyRows,
  ...adminPeopleRows,
  ...buyerLotRows,
  ...buyerAccountRows,
  ...buyerActivityRows,
};
