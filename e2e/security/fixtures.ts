import fs from 'node:fs';
import path from 'node:path';
import { and, eq, inArray } from 'drizzle-orm';
import { auctions, payments, users } from '@/db/schema';
import { DEMO_ADMIN, DEMO_BUYER_PASSWORD, DEMO_BUYERS } from '@/scripts/seed/demo-accounts';
import { hashPassword } from '@/lib/auth/password';
import { now } from '@/lib/clock';
import { env } from '@/lib/env';
import { isAppError } from '@/lib/errors';
import { startDepositPayment } from '@/lib/payments/deposit-payment';
import { sandboxProvider } from '@/lib/payments/sandbox';
import { connectAppDatabase } from '@/lib/server/prepare-database';
import { sandboxSecret } from '@/lib/server/engine';
import { closeOnExit, runScript } from '@/scripts/run-script';
import { BLOCKED_BUYER, fixturesFile, type SecurityFixtures } from './fixtures-file';

/**
 * Run by e2e/serve.sh after the seed, before the server takes the database: what the seed
 * lacks for the security suite. A blocked buyer (no admin screen blocks one yet), and a
 * pending sandbox charge of the first buyer, the one another buyer must not read or settle.
 */
runScript(async () => {
  const handle = await connectAppDatabase();
  closeOnExit(handle);
  const { db } = handle;
  const [blocked] = await db
    .insert(users)
    .values({
      name: BLOCKED_BUYER.name,
      phone: BLOCKED_BUYER.phone,
      passwordHash: await hashPassword(BLOCKED_BUYER.password),
      role: 'buyer',
      blocked: true,
    })
    .returning({ id: users.id });
  const phones = [DEMO_ADMIN.phone, ...DEMO_BUYERS.map((buyer) => buyer.phone)];
  const rows = await db.select({ id: users.id, phone: users.phone }).from(users).where(inArray(users.phone, phones));
  const idOf = (phone: string) => {
    const row = rows.find((candidate) => candidate.phone === phone);
    if (!row) throw new Error(`the seed has no user ${phone}`);
    return row.id;
  };
  const owner = DEMO_BUYERS[0]!;
  const other = DEMO_BUYERS[1]!;
  const provider = sandboxProvider({ db, secret: sandboxSecret() });
  let pending: { payUrl: string; auctionId: number } | undefined;
  for (const auction of await db.select({ id: auctions.id }).from(auctions).orderBy(auctions.id)) {
    try {
      const started = await startDepositPayment({
        db,
        provider,
        userId: idOf(owner.phone),
        auctionId: auction.id,
        lotId: null,
        now: now(),
      });
      pending = { payUrl: started.payUrl, auctionId: auction.id };
      break;
    } catch (error) {
      if (!isAppError(error)) throw error;
    }
  }
  if (!pending || !blocked) throw new Error('no auction of the seed takes a deposit from the first buyer');
  const [paid] = await db
    .select({ reference: payments.providerRef })
    .from(payments)
    .where(and(eq(payments.userId, idOf(owner.phone)), eq(payments.status, 'succeeded')))
    .limit(1);
  const fixtures: SecurityFixtures = {
    admin: {
      id: idOf(DEMO_ADMIN.phone),
      phone: DEMO_ADMIN.phone,
      email: DEMO_ADMIN.email,
      password: DEMO_ADMIN.password,
      name: DEMO_ADMIN.name,
      role: 'admin',
    },
    buyer: {
      id: idOf(owner.phone),
      phone: owner.phone,
      email: owner.email,
      password: DEMO_BUYER_PASSWORD,
      name: owner.name,
      role: 'buyer',
    },
    otherBuyer: {
      id: idOf(other.phone),
      phone: other.phone,
      email: other.email,
      password: DEMO_BUYER_PASSWORD,
      name: other.name,
      role: 'buyer',
    },
    blockedBuyer: {
      id: blocked.id,
      phone: BLOCKED_BUYER.phone,
      email: null,
      password: BLOCKED_BUYER.password,
      name: BLOCKED_BUYER.name,
      role: 'buyer',
    },
    pendingReference: pending.payUrl.split('/').pop()!,
    paidReference: paid?.reference ?? null,
    auctionId: pending.auctionId,
  };
  fs.writeFileSync(fixturesFile(env().GAVEL_DATA_DIR), JSON.stringify(fixtures, null, 2));
  console.log(`Security fixtures written to ${path.relative(process.cwd(), fixturesFile(env().GAVEL_DATA_DIR))}`);
});
