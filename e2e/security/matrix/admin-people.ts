import type { AdminPeopleSecurityFixtures } from '../fixtures/admin-people';
import { areaFixtures } from '../support';
import { adminOnly, get, type MatrixRow } from './rows';

const fixtures = () => areaFixtures<AdminPeopleSecurityFixtures>('admin-people');
const couponPage = () => `/admin/coupons/${fixtures().couponId}`;

/** Every admin action refuses the signed-out, the blocked and buyers; `admin` says what an admin gets. */
const adminAction = (admin: string) => ({
  anonymous: 'unauthenticated',
  blockedBuyer: 'unauthenticated',
  otherBuyer: 'forbidden',
  buyer: 'forbidden',
  admin,
});

/** Who may use the pages, routes and actions of this area. */
export const adminPeopleRows: Record<string, MatrixRow> = {
  '/admin/coupons': { probe: get('/admin/coupons'), expect: adminOnly, why: 'back office: the coupon list' },
  '/admin/coupons/new': { probe: get('/admin/coupons/new'), expect: adminOnly, why: 'back office: the coupon form' },
  '/admin/coupons/[id]': {
    probe: { method: 'GET', path: couponPage },
    expect: adminOnly,
    why: 'back office: edit, grant and disable a coupon',
  },
  '/admin/coupons/[id]/usage': {
    probe: { method: 'GET', path: () => `${couponPage()}/usage` },
    expect: adminOnly,
    why: 'back office: who holds a coupon',
  },
  '/admin/users': { probe: get('/admin/users'), expect: adminOnly, why: 'back office: users, roles, strikes' },
  '/admin/audit': { probe: get('/admin/audit'), expect: adminOnly, why: 'back office: the whole audit log' },

  // The admin probes change nothing: empty forms are refused by the schema, the others ask
  // for the state the record is already in.
  'actions/admin-coupons.ts#createCouponAction': {
    probe: { action: true, page: () => '/admin/coupons/new', encoding: 'json', arg: () => ({}) },
    expect: adminAction('invalid'),
    why: 'operators only; an empty form is refused field by field',
  },
  'actions/admin-coupons.ts#updateCouponAction': {
    probe: {
      action: true,
      page: couponPage,
      encoding: 'json',
      arg: () => ({ couponId: fixtures().couponId, coupon: {} }),
    },
    expect: adminAction('invalid'),
    why: 'operators only; an empty form is refused field by field',
  },
  'actions/admin-coupons.ts#setCouponStatusAction': {
    probe: {
      action: true,
      page: couponPage,
      encoding: 'json',
      arg: () => ({ couponId: fixtures().couponId, status: 'active' }),
    },
    expect: adminAction('ok'),
    why: 'operators only; enabling an enabled coupon changes nothing',
  },
  'actions/admin-coupons.ts#grantCouponAction': {
    probe: {
      action: true,
      page: couponPage,
      encoding: 'json',
      arg: () => ({ couponId: fixtures().couponId, userIds: [] }),
    },
    expect: adminAction('invalid'),
    why: 'operators only; a grant to nobody is refused',
  },
  'actions/admin-coupons.ts#searchBuyersAction': {
    probe: { action: true, page: couponPage, encoding: 'json', arg: () => ({ query: '买家' }) },
    expect: adminAction('ok'),
    why: "operators only: buyers' names and contacts",
  },
  'actions/admin-users.ts#changeRoleAction': {
    probe: {
      action: true,
      page: () => '/admin/users',
      encoding: 'json',
      arg: () => ({ userId: fixtures().buyerId, role: 'buyer' }),
    },
    expect: adminAction('ok'),
    why: 'operators only; making a buyer a buyer changes nothing',
  },
  'actions/admin-users.ts#setBiddingBlockAction': {
    probe: {
      action: true,
      page: () => '/admin/users',
      encoding: 'json',
      arg: () => ({ userId: fixtures().buyerId, blocked: false }),
    },
    expect: adminAction('ok'),
    why: 'operators only; allowing a buyer who may bid changes nothing',
  },
  'actions/admin-users.ts#liftStrikesAction': {
    probe: { action: true, page: () => '/admin/users', encoding: 'json', arg: () => ({ userId: fixtures().buyerId }) },
    expect: adminAction('ok'),
    why: 'operators only; a buyer without strikes has nothing to lift',
  },
};
