import type { BuyerAccountFixtures } from '../fixtures/buyer-account';
import { areaFixtures, type Role } from '../support';
import { get, type MatrixRow } from './rows';

const f = () => areaFixtures<BuyerAccountFixtures>('buyer-account');
const orderPage = () => `/me/orders/${f().orderId}`;

// The buyer's own pages: signed-out (and blocked) visitors sign in; an admin has no buyer account.
const ownPages: Record<Role, string> = {
  anonymous: 'login',
  blockedBuyer: 'login',
  admin: 'forbidden',
  otherBuyer: 'ok',
  buyer: 'ok',
};
// A buyer's action on a record of `buyer`: anyone else's attempt looks like no such record.
const ownRecord = (buyer: string): Record<Role, string> => ({
  anonymous: 'unauthenticated',
  blockedBuyer: 'unauthenticated',
  admin: 'forbidden',
  otherBuyer: 'not-found',
  buyer,
});

/** Who may use the pages, routes and actions of this area. */
export const buyerAccountRows: Record<string, MatrixRow> = {
  '/me': { probe: get('/me'), expect: ownPages, why: "each buyer's own account page" },
  '/me/orders': { probe: get('/me/orders'), expect: ownPages, why: 'lists only the caller’s orders' },
  '/me/addresses': { probe: get('/me/addresses'), expect: ownPages, why: 'lists only the caller’s addresses' },
  '/me/deposits': { probe: get('/me/deposits'), expect: ownPages, why: 'lists only the caller’s deposits' },
  '/me/bids': { probe: get('/me/bids'), expect: ownPages, why: 'lists only the caller’s bids' },
  '/coupons': { probe: get('/coupons'), expect: ownPages, why: 'the coupon centre and the caller’s own wallet' },
  '/me/orders/[id]': {
    probe: { method: 'GET', path: orderPage },
    expect: { ...ownPages, otherBuyer: 'not-found' },
    why: "an order is shown to its buyer only; anyone else's looks like no order at all",
  },
  'actions/orders.ts#payOrderAction': {
    probe: {
      action: true,
      page: orderPage,
      encoding: 'json',
      arg: () => ({ orderId: f().orderId, addressId: f().addressId, userCouponId: null }),
    },
    expect: ownRecord('ok'),
    why: 'only the winner opens a charge for their order, to an address of their own book',
    writes: ['buyer'],
  },
  'actions/orders.ts#confirmReceiptAction': {
    probe: { action: true, page: orderPage, encoding: 'json', arg: () => ({ orderId: f().orderId }) },
    // The order is not shipped: its buyer reaches the state check (WRONG_STATE), nobody else gets that far.
    expect: ownRecord('wrong_state'),
    why: 'only the buyer confirms receipt of their order',
  },
  'actions/addresses.ts#saveAddressAction': {
    probe: {
      action: true,
      page: () => '/me/addresses',
      encoding: 'json',
      arg: () => ({
        id: f().addressId,
        isDefault: true,
        recipient: '白浩伟',
        phone: '13800000001',
        province: '浙江省',
        city: '杭州市',
        district: '西湖区',
        detail: '龙井路 1 号',
      }),
    },
    expect: ownRecord('ok'),
    why: "an address is edited by its owner only; another buyer's edit finds nothing",
    writes: ['buyer'],
  },
  'actions/addresses.ts#setDefaultAddressAction': {
    probe: { action: true, page: () => '/me/addresses', encoding: 'json', arg: () => ({ addressId: f().addressId }) },
    expect: ownRecord('ok'),
    why: 'only the owner moves their default address',
    writes: ['buyer'],
  },
  'actions/addresses.ts#deleteAddressAction': {
    probe: {
      action: true,
      page: () => '/me/addresses',
      encoding: 'json',
      arg: () => ({ addressId: f().spareAddressId }),
    },
    expect: ownRecord('ok'),
    why: 'only the owner deletes their address (the spare one, so the other rows still find theirs)',
    writes: ['buyer'],
  },
  'actions/coupons.ts#claimCouponAction': {
    probe: { action: true, page: () => '/coupons', encoding: 'json', arg: () => ({ couponId: f().couponId }) },
    expect: { ...ownRecord('ok'), otherBuyer: 'ok' },
    why: 'any signed-in buyer may claim a coupon of the centre into their own wallet',
    writes: ['otherBuyer', 'buyer'],
  },
  'actions/profile.ts#updateProfileAction': {
    // An empty name: a buyer reaches validation, so no demo account is renamed.
    probe: { action: true, page: () => '/me', encoding: 'json', arg: () => ({ name: '' }) },
    expect: { ...ownRecord('invalid'), otherBuyer: 'invalid' },
    why: 'each buyer edits only their own profile (the action takes no user id at all)',
  },
};
