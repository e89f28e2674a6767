/** The data e2e/fixtures/buyer-activity.ts creates for buyer-activity.spec.ts. */
export const buyerActivity = {
  auctionTitle: '关注与通知测试专场',
  lots: ['关注测试 · 朱泥小品壶', '关注测试 · 七子饼', '关注测试 · 铁观音'],
  password: 'e2e-buyer-activity',
  buyers: {
    /** Watches the first lot and leads it, until the rival outbids them. */
    watcher: { name: '关注买家', phone: '13900000301' },
    rival: { name: '竞价对手', phone: '13900000302' },
    /** Watches every lot and has one notice of each kind, for the screenshots. */
    showcase: { name: '截图买家', phone: '13900000303' },
    /** Pays the session deposit inside the mini-program web-view. */
    miniProgram: { name: '小程序买家', phone: '13900000304' },
  },
} as const;

export type BuyerActivityFixtures = { auctionId: number; flowLotId: number };
