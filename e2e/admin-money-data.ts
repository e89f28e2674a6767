/** The records e2e/fixtures/admin-money.ts creates for admin-money.spec.ts (names here, ids in its JSON). */
export const adminMoney = {
  settleAuction: '结算测试专场',
  shipAuction: '发货测试专场',
  lots: ['结算测试拍品甲', '结算测试拍品乙'],
  winner: '运营测试买家甲',
  loser: '运营测试买家乙',
};

export type AdminMoneyFixtures = {
  settleAuctionId: number;
  settleLotIds: number[];
  shipAuctionId: number;
  paidOrderId: number;
  paidOrderNo: string;
  failedRefundId: number;
};
