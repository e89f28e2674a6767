import fs from 'node:fs';
import path from 'node:path';
import { eq, max } from 'drizzle-orm';
import { lots } from '@/db/schema';
import { placeBid } from '@/lib/bidding/place-bid';
import { now } from '@/lib/clock';
import { env } from '@/lib/env';
import { connectAppDatabase } from '@/lib/server/prepare-database';
import { closeOnExit, runScript } from '@/scripts/run-script';
import { seedBuyer } from '@/tests/support/factories';
import { at, HOUR, MINUTE, payDeposit, publishedAuction, tick, yuan } from '@/tests/support/lifecycle';
import { fixturesFile, lifecycleAuction, type E2eFixtures } from './support';

/**
 * Run by e2e/serve.sh after the seed, before the server takes the embedded database (one
 * process per data directory, and no route creates auctions): the data a spec changes, so
 * that no spec changes what another one reads. lifecycle.spec.ts settles this auction.
 */
runScript(async () => {
  const handle = await connectAppDatabase();
  closeOnExit(handle);
  const { db } = handle;
  const start = now();
  const endsAt = at(start, lifecycleAuction.endsInMs);
  // Published (as an operator does, before its preview) three hours before the server starts.
  const auction = await publishedAuction(db, at(start, -3 * HOUR), {
    lots: lifecycleAuction.lots.map(({ title }) => ({ title, startPrice: yuan(100) })),
    settings: {
      title: lifecycleAuction.title,
      description: '端到端测试用专场：开拍一小时后结拍。',
      previewStartsAt: at(start, -2 * HOUR),
      previewEndsAt: at(start, -MINUTE),
      startsAt: at(start, -MINUTE),
      endsAt,
    },
  });
  // The tick opens it as the server's would have.
  await tick(db, start);
  const buyers = {
    winner: await seedBuyer(db, { name: '生命周期买家甲' }),
    rival: await seedBuyer(db, { name: '生命周期买家乙' }),
  };
  for (const buyer of Object.values(buyers))
    await payDeposit(db, { userId: buyer.id, auctionId: auction.auctionId, now: start });
  for (const [index, lot] of lifecycleAuction.lots.entries()) {
    for (const [who, amount] of lot.bids) {
      await placeBid({ db, userId: buyers[who].id, lotId: auction.lotIds[index]!, amount: yuan(amount), now: start });
    }
  }
  const [last] = await db
    .select({ endsAt: max(lots.endsAt) })
    .from(lots)
    .where(eq(lots.auctionId, auction.auctionId));
  const fixtures: E2eFixtures = {
    lifecycle: {
      auctionId: auction.auctionId,
      lastLotEndsAt: (last?.endsAt ?? endsAt).toISOString(),
    },
  };
  fs.writeFileSync(fixturesFile(env().GAVEL_DATA_DIR), JSON.stringify(fixtures, null, 2));
  console.log(`e2e fixtures written to ${path.relative(process.cwd(), fixturesFile(env().GAVEL_DATA_DIR))}`);
});
