import { count } from 'drizzle-orm';
import type { Database, Transaction } from '@/db';
import {
  addresses,
  auctions,
  bids,
  deposits,
  incrementLadders,
  incrementLadderSteps,
  lotImages,
  lots,
  orders,
  payments,
  refunds,
  users,
  type AuctionStatus,
  type LotStatus,
  type NewLot,
  sandboxTransactions,
} from '@/db/schema';
import { hashPassword } from '@/lib/auth/password';
import { DEFAULT_LADDER } from '@/lib/bidding/ladder';
import { nextOrderNumber } from '@/lib/orders/order-number';
import { DEFAULT_RULES } from '@/lib/engine/rules';
import { nextAuctionTransitionAt } from '@/machines/auction';
import { drawCover, palettes, type Motif, type Palette } from './art';
import { DEMO_ADMIN, DEMO_BUYER_PASSWORD, DEMO_BUYERS } from './demo-accounts';

/** Saves a generated picture and returns its URL (local disk in the app, a stub in tests). */
export type SaveImage = (name: string, svg: string) => Promise<string>;

type BuyerKey = (typeof DEMO_BUYERS)[number]['key'];

/** The example auction of design.md; its title is how tests and the e2e story find it. */
export const EXAMPLE_AUCTION_TITLE = '茶书与老茶 · 第一期专场';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const yuan = (amount: number) => amount * 100;
/** Demo bids are placed this far apart from the start of bidding; every auction with bids
 * started long enough ago for all of them to lie in the past. */
const BID_SPACING_MS = 7 * MINUTE;

type LotSpec = {
  title: string;
  description: string;
  motif: Motif;
  startPrice: number;
  depositAmount: number;
  reservePrice?: number;
  /** [buyer, amount in fen], in the order they were placed. */
  bids?: [BuyerKey, number][];
};

type DepositSpec = {
  buyer: BuyerKey;
  /** Index of the lot for a lot deposit; absent for the session deposit. */
  lot?: number;
  /** Already paid back (the auction is settled). */
  refunded?: boolean;
};

type AuctionSpec = {
  title: string;
  description: string;
  status: AuctionStatus;
  palette: Palette;
  motif: Motif;
  previewStartsAt: Date;
  previewEndsAt: Date;
  startsAt: Date;
  endsAt: Date;
  buyerPremiumBps?: number;
  lots: LotSpec[];
  deposits?: DepositSpec[];
};

export type SeedSummary = {
  seeded: boolean;
  admin: typeof DEMO_ADMIN;
  buyers: { name: string; phone: string; email: string }[];
  buyerPassword: string;
};

function summary(seeded: boolean): SeedSummary {
  return {
    seeded,
    admin: DEMO_ADMIN,
    buyers: DEMO_BUYERS.map(({ name, phone, email }) => ({ name, phone, email })),
    buyerPassword: DEMO_BUYER_PASSWORD,
  };
}

/**
 * Fills an empty database with believable demo data, times relative to `now`. Does nothing
 * (and says so) when any user exists, so it is safe to call on every dev start.
 */
export async function seedDemoData({
  db,
  now,
  saveImage,
}: {
  db: Database;
  now: Date;
  saveImage: SaveImage;
}): Promise<SeedSummary> {
  const [existing] = await db.select({ n: count() }).from(users);
  if ((existing?.n ?? 0) > 0) return summary(false);

  const at = (offsetMs: number) => new Date(now.getTime() + offsetMs);
  const specs = demoAuctions(at);
  // Pictures first: file writes cannot roll back, and a retried seed overwrites them.
  const covers = new Map<string, string>();
  for (const [index, spec] of specs.entries()) {
    covers.set(
      spec.title,
      await saveImage(
        `auction-${index + 1}.svg`,
        drawCover({
          title: spec.title.split(' · ')[0] ?? spec.title,
          subtitle: '拍卖专场',
          motif: spec.motif,
          palette: spec.palette,
        }),
      ),
    );
    for (const [lotIndex, lot] of spec.lots.entries()) {
      const name = `auction-${index + 1}-lot-${lotIndex + 1}`;
      covers.set(
        `${spec.title}/${lot.title}`,
        await saveImage(
          `${name}.svg`,
          drawCover({ title: lot.title, subtitle: spec.title, motif: lot.motif, palette: spec.palette }),
        ),
      );
      covers.set(
        `${spec.title}/${lot.title}/detail`,
        await saveImage(
          `${name}-detail.svg`,
          drawCover({ title: lot.title, subtitle: '细节图', motif: 'leaf', palette: palettes.ink }),
        ),
      );
      covers.set(
        `${spec.title}/${lot.title}/packaging`,
        await saveImage(
          `${name}-packaging.svg`,
          drawCover({ title: lot.title, subtitle: '包装与品相', motif: 'teapot', palette: spec.palette }),
        ),
      );
    }
  }
  const [adminHash, buyerHash] = await Promise.all([
    hashPassword(DEMO_ADMIN.password),
    hashPassword(DEMO_BUYER_PASSWORD),
  ]);

  await db.transaction(async (tx) => {
    const [admin] = await tx
      .insert(users)
      .values({
        name: DEMO_ADMIN.name,
        phone: DEMO_ADMIN.phone,
        email: DEMO_ADMIN.email,
        passwordHash: adminHash,
        role: 'admin',
      })
      .returning({ id: users.id });
    const buyerRows = await tx
      .insert(users)
      .values(
        DEMO_BUYERS.map(({ name, phone, email }) => ({
          name,
          phone,
          email,
          passwordHash: buyerHash,
          role: 'buyer' as const,
        })),
      )
      .returning({ id: users.id, phone: users.phone });
    const buyerId = (key: BuyerKey) => {
      const phone = DEMO_BUYERS.find((buyer) => buyer.key === key)?.phone;
      const row = buyerRows.find((buyer) => buyer.phone === phone);
      if (!row) throw new Error(`demo buyer ${key} missing`);
      return row.id;
    };

    const [ladder] = await tx
      .insert(incrementLadders)
      .values({ name: '默认加价幅度' })
      .returning({ id: incrementLadders.id });
    if (!admin || !ladder) throw new Error('seed insert returned no row');
    await tx.insert(incrementLadderSteps).values(DEFAULT_LADDER.map((step) => ({ ladderId: ladder.id, ...step })));

    await tx.insert(addresses).values(
      DEMO_BUYERS.map(({ key, name, phone }, index) => ({
        userId: buyerId(key),
        recipient: name,
        phone,
        ...DEMO_ADDRESSES[index % DEMO_ADDRESSES.length]!,
        isDefault: true,
      })),
    );
    for (const spec of specs) {
      const { auctionId, lotIds } = await insertAuction(tx, spec, {
        adminId: admin.id,
        ladderId: ladder.id,
        covers,
        buyerId,
      });
      await insertMoney(tx, spec, { auctionId, lotIds, buyerId });
    }
  });
  return summary(true);
}

async function insertAuction(
  tx: Transaction,
  spec: AuctionSpec,
  refs: { adminId: number; ladderId: number; covers: Map<string, string>; buyerId: (key: BuyerKey) => number },
) {
  const lastLotEndsAt = spec.endsAt;
  const next = nextAuctionTransitionAt(spec.status, {
    ...spec,
    lotCount: spec.lots.length,
    openLots: spec.lots.length,
    lastLotEndsAt,
  });
  const soldTotal = spec.status === 'ended' ? spec.lots.reduce((sum, lot) => sum + (hammerBid(lot)?.[1] ?? 0), 0) : 0;
  const [auction] = await tx
    .insert(auctions)
    .values({
      title: spec.title,
      description: spec.description,
      coverUrl: refs.covers.get(spec.title),
      status: spec.status,
      previewStartsAt: spec.previewStartsAt,
      previewEndsAt: spec.previewEndsAt,
      startsAt: spec.startsAt,
      endsAt: spec.endsAt,
      depositAmount: yuan(1_000),
      buyerPremiumBps: spec.buyerPremiumBps ?? 0,
      incrementLadderId: refs.ladderId,
      totalPrice: soldTotal,
      nextTransitionAt: next,
      publishedAt: spec.status === 'draft' ? null : new Date(spec.previewStartsAt.getTime() - DAY),
      endedAt: spec.status === 'ended' ? spec.endsAt : null,
      createdById: refs.adminId,
    })
    .returning({ id: auctions.id });
  if (!auction) throw new Error('auction insert returned no row');

  const lotIds: number[] = [];
  for (const [position, lotSpec] of spec.lots.entries()) {
    const top = lotSpec.bids?.at(-1);
    const ended = spec.status === 'ended';
    const sold = ended ? hammerBid(lotSpec) : undefined;
    const values: NewLot = {
      auctionId: auction.id,
      position,
      title: lotSpec.title,
      description: lotSpec.description,
      coverUrl: refs.covers.get(`${spec.title}/${lotSpec.title}`),
      status: lotStatusFor(spec.status, sold !== undefined),
      startPrice: lotSpec.startPrice,
      reservePrice: lotSpec.reservePrice,
      depositAmount: lotSpec.depositAmount,
      ...estimateFor(lotSpec),
      currentPrice: top?.[1] ?? null,
      bidCount: lotSpec.bids?.length ?? 0,
      leaderId: top ? refs.buyerId(top[0]) : null,
      dealPrice: sold?.[1] ?? null,
      winnerId: sold ? refs.buyerId(sold[0]) : null,
      closedAt: ended ? spec.endsAt : null,
      nextTransitionAt: ended ? null : next,
    };
    const [lot] = await tx.insert(lots).values(values).returning({ id: lots.id });
    if (!lot) throw new Error('lot insert returned no row');
    lotIds.push(lot.id);
    await tx.insert(lotImages).values([
      { lotId: lot.id, url: refs.covers.get(`${spec.title}/${lotSpec.title}`) ?? '', position: 0 },
      { lotId: lot.id, url: refs.covers.get(`${spec.title}/${lotSpec.title}/detail`) ?? '', position: 1 },
      { lotId: lot.id, url: refs.covers.get(`${spec.title}/${lotSpec.title}/packaging`) ?? '', position: 2 },
    ]);
    if (lotSpec.bids?.length) {
      await tx.insert(bids).values(
        lotSpec.bids.map(([buyer, amount], index) => ({
          lotId: lot.id,
          userId: refs.buyerId(buyer),
          amount,
          placedAt: new Date(spec.startsAt.getTime() + (index + 1) * BID_SPACING_MS),
        })),
      );
    }
  }
  return { auctionId: auction.id, lotIds };
}

/**
 * 估价: a believable range from the start price (3× to 8×, rounded to ¥10). Shown to buyers
 * only; nothing in settlement reads it, so the seed's numbers stay as they were.
 */
function estimateFor(lot: LotSpec): { estimateLow: number; estimateHigh: number } {
  const roundTo = yuan(10);
  const round = (fen: number) => Math.max(roundTo, Math.round(fen / roundTo) * roundTo);
  return { estimateLow: round(lot.startPrice * 3), estimateHigh: round(lot.startPrice * 8) };
}

/** A lot follows its auction until it closes; a sold demo lot of an ended auction is paid. */
function lotStatusFor(status: AuctionStatus, sold: boolean): LotStatus {
  if (status === 'ended') return sold ? 'paid' : 'unsold';
  return status;
}

/** The bid a closed lot sells at: the last (highest) one, if it meets the reserve. */
function hammerBid(lot: LotSpec): [BuyerKey, number] | undefined {
  const top = lot.bids?.at(-1);
  return top && (lot.reservePrice === undefined || top[1] >= lot.reservePrice) ? top : undefined;
}

const SESSION_DEPOSIT = yuan(1_000);

const DEMO_ADDRESSES = [
  { province: '浙江省', city: '杭州市', district: '西湖区', detail: '龙井路 18 号' },
  { province: '福建省', city: '南平市', district: '武夷山市', detail: '星村镇桐木村 6 号' },
  { province: '云南省', city: '西双版纳傣族自治州', district: '勐海县', detail: '勐海镇茶厂路 21 号' },
];

function depositAmountFor(spec: AuctionSpec, deposit: DepositSpec): number {
  if (deposit.lot === undefined) return SESSION_DEPOSIT;
  const lot = spec.lots[deposit.lot];
  if (!lot) throw new Error(`deposit names lot ${deposit.lot} of ${spec.title}, which has no such lot`);
  return lot.depositAmount;
}

/** Deposits with their payments (and refunds once settled), and paid orders for sold lots. */
async function insertMoney(
  tx: Transaction,
  spec: AuctionSpec,
  refs: { auctionId: number; lotIds: number[]; buyerId: (key: BuyerKey) => number },
) {
  const paidAt = new Date(spec.previewStartsAt.getTime() + HOUR);
  const settledAt = new Date(spec.endsAt.getTime() + MINUTE);
  const depositIds = new Map<string, number>();
  for (const deposit of spec.deposits ?? []) {
    const amount = depositAmountFor(spec, deposit);
    const userId = refs.buyerId(deposit.buyer);
    const lotId = deposit.lot === undefined ? null : refs.lotIds[deposit.lot];
    const [row] = await tx
      .insert(deposits)
      .values({
        userId,
        auctionId: refs.auctionId,
        lotId,
        kind: lotId ? 'lot' : 'session',
        status: deposit.refunded ? 'refunded' : 'held',
        amount,
        balance: deposit.refunded ? 0 : amount,
        refundedAmount: deposit.refunded ? amount : 0,
        paidAt,
      })
      .returning({ id: deposits.id });
    if (!row) throw new Error('deposit insert returned no row');
    depositIds.set(`${deposit.buyer}/${deposit.lot ?? 'session'}`, row.id);
    const [payment] = await tx
      .insert(payments)
      .values({
        userId,
        purpose: 'deposit',
        depositId: row.id,
        amount,
        provider: 'sandbox',
        providerRef: `seed-deposit-${row.id}`,
        status: 'succeeded',
        idempotencyKey: `seed:deposit:${row.id}`,
        succeededAt: paidAt,
      })
      .returning({ id: payments.id });
    await tx.insert(sandboxTransactions).values({
      kind: 'charge',
      reference: `seed-deposit-${row.id}`,
      idempotencyKey: `seed:deposit:${row.id}`,
      amount,
      refundedAmount: deposit.refunded && payment ? amount : 0,
      settledAt: paidAt,
    });
    if (deposit.refunded && payment) {
      await tx.insert(sandboxTransactions).values({
        kind: 'refund',
        reference: `seed-refund-${row.id}`,
        idempotencyKey: `deposit:${row.id}:refund`,
        chargeReference: `seed-deposit-${row.id}`,
        amount,
        settledAt,
      });
      await tx.insert(refunds).values({
        paymentId: payment.id,
        depositId: row.id,
        amount,
        reason: 'deposit released at settlement',
        status: 'succeeded',
        idempotencyKey: `deposit:${row.id}:refund`,
        providerRef: `seed-refund-${row.id}`,
        attempts: 1,
        succeededAt: settledAt,
      });
    }
  }
  if (spec.status !== 'ended') return;
  for (const [index, lot] of spec.lots.entries()) {
    const sold = hammerBid(lot);
    const lotId = refs.lotIds[index];
    if (!sold || !lotId) continue;
    const [winner, dealPrice] = sold;
    const depositId = depositIds.get(`${winner}/${index}`) ?? depositIds.get(`${winner}/session`);
    if (!depositId) throw new Error(`${winner} won ${lot.title} without a deposit`);
    const buyerPremium = Math.round((dealPrice * (spec.buyerPremiumBps ?? 0)) / 10_000);
    const orderPaidAt = new Date(spec.endsAt.getTime() + 3 * HOUR);
    const address = DEMO_ADDRESSES[0]!;
    const buyer = DEMO_BUYERS.find((candidate) => candidate.key === winner)!;
    const [order] = await tx
      .insert(orders)
      .values({
        orderNo: nextOrderNumber(spec.endsAt, DEFAULT_RULES.timeZone),
        lotId,
        auctionId: refs.auctionId,
        userId: refs.buyerId(winner),
        depositId,
        status: 'paid',
        dealPrice,
        buyerPremium,
        dueAt: new Date(spec.endsAt.getTime() + DAY),
        paidAt: orderPaidAt,
        shippingAddress: { recipient: buyer.name, phone: buyer.phone, ...address },
      })
      .returning({ id: orders.id });
    if (!order) throw new Error('order insert returned no row');
    await tx.insert(payments).values({
      userId: refs.buyerId(winner),
      purpose: 'order',
      orderId: order.id,
      amount: dealPrice + buyerPremium,
      provider: 'sandbox',
      providerRef: `seed-order-${order.id}`,
      status: 'succeeded',
      idempotencyKey: `seed:order:${order.id}`,
      succeededAt: orderPaidAt,
    });
    await tx.insert(sandboxTransactions).values({
      kind: 'charge',
      reference: `seed-order-${order.id}`,
      idempotencyKey: `seed:order:${order.id}`,
      amount: dealPrice + buyerPremium,
      settledAt: orderPaidAt,
    });
  }
}

function demoAuctions(at: (offsetMs: number) => Date): AuctionSpec[] {
  return [
    {
      // design.md's worked example. 白浩伟's 150 on lot B is left out (he cannot outbid
      // himself) and 朱凡宇 holds a lot-B deposit, as design.md prescribes.
      title: EXAMPLE_AUCTION_TITLE,
      description: '茶书善本与陈年普洱同场竞拍。全场保证金 ¥1,000 覆盖本场全部拍品，也可按件缴纳单品保证金。',
      status: 'live',
      palette: palettes.tea,
      motif: 'book',
      previewStartsAt: at(-2 * DAY),
      previewEndsAt: at(-2 * HOUR),
      startsAt: at(-2 * HOUR),
      endsAt: at(2 * HOUR),
      lots: [
        {
          title: '《茶经》明刻本影印',
          description: '陆羽《茶经》三卷，据明嘉靖刻本影印，线装一函三册，品相上佳。',
          motif: 'book',
          startPrice: yuan(100),
          depositAmount: yuan(200),
          bids: [
            ['bai', yuan(100)],
            ['hua', yuan(200)],
            ['zhu', yuan(300)],
            ['hua', yuan(400)],
            ['bai', yuan(500)],
          ],
        },
        {
          title: '2005 年易武正山普洱',
          description: '易武正山古树料，357 克七子饼，干仓存放近二十年，汤色红浓。',
          motif: 'cake',
          startPrice: yuan(50),
          depositAmount: yuan(900),
          bids: [
            ['bai', yuan(50)],
            ['zhu', yuan(200)],
            ['bai', yuan(10_000)],
          ],
        },
        {
          title: '宜兴紫砂石瓢壶',
          description: '原矿底槽清，容量 220 毫升，出水利落，附证书。',
          motif: 'teapot',
          startPrice: yuan(300),
          depositAmount: yuan(100),
        },
      ],
      deposits: [
        { buyer: 'bai' },
        { buyer: 'hua', lot: 0 },
        { buyer: 'zhu', lot: 0 },
        { buyer: 'zhu', lot: 2 },
        { buyer: 'zhu', lot: 1 },
      ],
    },
    {
      title: '武夷岩茶品鉴专场',
      description: '正岩肉桂、水仙与大红袍，均为 2023 年春茶，足火焙制。',
      status: 'live',
      palette: palettes.amber,
      motif: 'leaf',
      previewStartsAt: at(-3 * DAY),
      previewEndsAt: at(-1 * DAY),
      startsAt: at(-1 * DAY),
      endsAt: at(1 * DAY + 6 * HOUR),
      buyerPremiumBps: 500,
      lots: [
        {
          title: '牛栏坑肉桂 500 克',
          description: '核心正岩产区，传统炭焙，桂皮香明显，岩韵足。',
          motif: 'leaf',
          startPrice: yuan(1_200),
          depositAmount: yuan(300),
          reservePrice: yuan(2_000),
          bids: [
            ['li', yuan(1_200)],
            ['chen', yuan(1_250)],
            ['li', yuan(1_400)],
          ],
        },
        {
          title: '老丛水仙 250 克',
          description: '树龄六十年以上老丛，木质香与粽叶香交织。',
          motif: 'leaf',
          startPrice: yuan(600),
          depositAmount: yuan(200),
          bids: [['chen', yuan(600)]],
        },
        {
          title: '母树大红袍拼配 100 克',
          description: '限量礼盒装，附品鉴笔记。',
          motif: 'cup',
          startPrice: yuan(2_800),
          depositAmount: yuan(500),
        },
      ],
      deposits: [{ buyer: 'li' }, { buyer: 'chen' }],
    },
    {
      title: '明前龙井 · 春茶预展',
      description: '西湖产区明前特级龙井，预展期间可先缴纳保证金。',
      status: 'preview',
      palette: palettes.jade,
      motif: 'leaf',
      previewStartsAt: at(-1 * DAY),
      previewEndsAt: at(1 * DAY),
      startsAt: at(1 * DAY),
      endsAt: at(3 * DAY),
      lots: [
        {
          title: '狮峰龙井特级 250 克',
          description: '狮峰山核心产区，手工炒制，豆花香。',
          motif: 'leaf',
          startPrice: yuan(1_800),
          depositAmount: yuan(300),
        },
        {
          title: '梅家坞龙井 500 克',
          description: '清明前采摘，一芽一叶初展。',
          motif: 'leaf',
          startPrice: yuan(2_400),
          depositAmount: yuan(400),
        },
        {
          title: '青瓷盖碗一套',
          description: '龙泉青瓷，粉青釉，适合冲泡绿茶。',
          motif: 'cup',
          startPrice: yuan(480),
          depositAmount: yuan(100),
        },
      ],
      deposits: [{ buyer: 'hua' }],
    },
    {
      title: '普洱老茶秋拍',
      description: '八九十年代中茶、下关经典老茶，每件均附仓储说明。',
      status: 'scheduled',
      palette: palettes.clay,
      motif: 'cake',
      previewStartsAt: at(2 * DAY),
      previewEndsAt: at(4 * DAY),
      startsAt: at(4 * DAY),
      endsAt: at(6 * DAY),
      buyerPremiumBps: 1_000,
      lots: [
        {
          title: '90 年代中茶黄印七子饼',
          description: '干仓陈化，樟香显，单饼 357 克。',
          motif: 'cake',
          startPrice: yuan(8_000),
          depositAmount: yuan(1_000),
          reservePrice: yuan(12_000),
        },
        {
          title: '下关甲级沱茶一条',
          description: '五沱一条，2003 年出厂，紧结匀整。',
          motif: 'cake',
          startPrice: yuan(1_500),
          depositAmount: yuan(300),
        },
      ],
    },
    {
      title: '白茶专场 · 福鼎老白茶',
      description: '福鼎太姥山白毫银针与寿眉，已于上周结拍。',
      status: 'ended',
      palette: palettes.ink,
      motif: 'leaf',
      previewStartsAt: at(-12 * DAY),
      previewEndsAt: at(-9 * DAY),
      startsAt: at(-9 * DAY),
      endsAt: at(-7 * DAY),
      lots: [
        {
          title: '2015 年白毫银针 200 克',
          description: '头春单芽，毫香蜜韵，铁盒密封。',
          motif: 'leaf',
          startPrice: yuan(1_600),
          depositAmount: yuan(300),
          bids: [
            ['li', yuan(1_600)],
            ['chen', yuan(2_000)],
            ['li', yuan(2_400)],
            ['chen', yuan(2_600)],
          ],
        },
        {
          title: '2012 年寿眉饼 350 克',
          description: '枣香浓郁，可煮可泡。',
          motif: 'cake',
          startPrice: yuan(900),
          depositAmount: yuan(200),
        },
      ],
      deposits: [
        { buyer: 'chen', refunded: true },
        { buyer: 'li', lot: 0, refunded: true },
      ],
    },
    {
      title: '茶器专场（筹备中）',
      description: '建盏、银壶与锡罐，筹备中，尚未发布。',
      status: 'draft',
      palette: palettes.clay,
      motif: 'teapot',
      previewStartsAt: at(7 * DAY),
      previewEndsAt: at(9 * DAY),
      startsAt: at(9 * DAY),
      endsAt: at(10 * DAY),
      lots: [
        {
          title: '建阳兔毫盏',
          description: '柴烧，口径 12 厘米，兔毫丝纹清晰。',
          motif: 'cup',
          startPrice: yuan(1_000),
          depositAmount: yuan(200),
        },
      ],
    },
  ];
}
