import { randomBytes } from 'node:crypto';
import type { Database } from '@/db/client';
import { auctions, deposits, lots, orders, payments, users, type AuctionStatus } from '@/db/schema';

const suffix = () => randomBytes(4).toString('hex');
let phoneCounter = 0;

/** A user with unique identifiers; the password hash is a placeholder (no sign-in). */
export async function seedBuyer(db: Database, overrides: Partial<typeof users.$inferInsert> = {}) {
  phoneCounter += 1;
  const [user] = await db
    .insert(users)
    .values({
      name: `买家${suffix()}`,
      phone: `139${String(Date.now() % 1e4).padStart(4, '0')}${String(phoneCounter).padStart(4, '0')}`,
      email: `buyer-${suffix()}@gavel.test`,
      passwordHash: 'not-a-real-hash',
      role: 'buyer',
      ...overrides,
    })
    .returning();
  if (!user) throw new Error('no user');
  return user;
}

const HOUR = 3_600_000;

export async function seedAuction(
  db: Database,
  { lots: lotCount = 1, status = 'live' as AuctionStatus, now = new Date() } = {},
) {
  const [auction] = await db
    .insert(auctions)
    .values({
      title: `专场 ${suffix()}`,
      status,
      previewStartsAt: new Date(now.getTime() - 2 * HOUR),
      previewEndsAt: new Date(now.getTime() - HOUR),
      startsAt: new Date(now.getTime() - HOUR),
      endsAt: new Date(now.getTime() + HOUR),
    })
    .returning();
  if (!auction) throw new Error('no auction');
  const lotRows = await db
    .insert(lots)
    .values(
      Array.from({ length: lotCount }, (_, position) => ({
        auctionId: auction.id,
        position,
        title: `拍品 ${position + 1}`,
        startPrice: 10_000,
        status: 'live' as const,
      })),
    )
    .returning();
  return { auction, lots: lotRows };
}

export async function seedHeldDeposit(
  db: Database,
  {
    userId,
    auctionId,
    lotId = null,
    amount = 100_000,
  }: { userId: number; auctionId: number; lotId?: number | null; amount?: number },
) {
  const [deposit] = await db
    .insert(deposits)
    .values({
      userId,
      auctionId,
      lotId,
      kind: lotId ? 'lot' : 'session',
      status: 'held',
      amount,
      balance: amount,
      paidAt: new Date(),
    })
    .returning();
  if (!deposit) throw new Error('no deposit');
  const [payment] = await db
    .insert(payments)
    .values({
      userId,
      purpose: 'deposit',
      depositId: deposit.id,
      amount,
      provider: 'sandbox',
      status: 'succeeded',
      idempotencyKey: `test:deposit:${deposit.id}`,
    })
    .returning();
  if (!payment) throw new Error('no payment');
  return { deposit, payment };
}

export function orderValues({
  lotId,
  auctionId,
  userId,
  depositId,
  dealPrice = 50_000,
}: {
  lotId: number;
  auctionId: number;
  userId: number;
  depositId: number;
  dealPrice?: number;
}) {
  return {
    orderNo: `GV${suffix()}`,
    lotId,
    auctionId,
    userId,
    depositId,
    dealPrice,
    dueAt: new Date(Date.now() + 24 * HOUR),
  } satisfies typeof orders.$inferInsert;
}
