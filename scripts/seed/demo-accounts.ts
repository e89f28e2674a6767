/**
 * The demo seed's logins, apart from the seed itself: the e2e suites sign in with them from
 * Playwright's own process, which must not load the domain modules the seed runs on.
 */
export const DEMO_ADMIN = {
  name: '运营小周',
  phone: '13800000000',
  email: 'admin@gavel.test',
  password: 'gavel-admin',
};
export const DEMO_BUYER_PASSWORD = 'gavel-buyer';
/** 白浩伟, 华新 and 朱凡宇 are the buyers of design.md's worked example. */
export const DEMO_BUYERS = [
  { key: 'bai', name: '白浩伟', phone: '13800000001', email: 'bai@gavel.test' },
  { key: 'hua', name: '华新', phone: '13800000002', email: 'hua@gavel.test' },
  { key: 'zhu', name: '朱凡宇', phone: '13800000003', email: 'zhu@gavel.test' },
  { key: 'li', name: '李清', phone: '13800000004', email: 'li@gavel.test' },
  { key: 'chen', name: '陈雨', phone: '13800000005', email: 'chen@gavel.test' },
] as const;
