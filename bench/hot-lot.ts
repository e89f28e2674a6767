import { eq, sql } from 'drizzle-orm';
import { lots } from '@/db/schema';
import { minimumBid, DEFAULT_LADDER } from '@/lib/bidding/ladder';
import { placeBid } from '@/lib/bidding/place-bid';
import { freshDatabase, openTarget, percentile, time } from './server';

const BIDDERS = 50;
const ATTEMPTS_PER_BIDDER = 15;
const NOW = new Date('2026-11-10T06:00:00Z');

export type HotLotTiming = {
  attempts: number;
  accepted: number;
  attemptsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  baselinePerSecond: number;
  baselineP99Ms: number;
  /** placeBid's throughput as a share of the bare transaction's. */
  ratio: number;
};

/**
 * BIDDERS concurrent bidders, each with a session deposit, outbid one another on a single
 * live lot; the baseline is the bare hot-row transaction (lock the lot, update it) at the
 * same concurrency on the same database.
 */
export async function hotLot(server: string): Promise<HotLotTiming> {
  const database = await freshDatabase(server);
  const target = await openTarget(database, { maxConnections: BIDDERS + 5 });
  try {
    const db = target.handle.db;
    const at = (offsetHours: number) =>
      sql`${new Date(NOW.getTime() + offsetHours * 3_600_000).toISOString()}::timestamptz`;
    await db.execute(sql`insert into users (name, phone, email, password_hash, role)
      select 'bidder ' || g, '138' || lpad(g::text, 8, '0'), 'bidder' || g || '@gavel.test', 'x', 'buyer' from generate_series(1, ${BIDDERS}) g`);
    await db.execute(sql`insert into auctions (title, status, preview_starts_at, preview_ends_at, starts_at, ends_at, next_transition_at, anti_sniping_minutes)
      values ('hot', 'live', ${at(-3)}, ${at(-2)}, ${at(-2)}, ${at(24)}, ${at(24)}, 0)`);
    const [lot] = await db
      .insert(lots)
      .values({
        auctionId: 1,
        title: 'hot lot',
        status: 'live',
        startPrice: 10_000,
        endsAt: new Date(NOW.getTime() + 86_400_000),
        nextTransitionAt: new Date(NOW.getTime() + 86_400_000),
      })
      .returning();
    await db.execute(sql`insert into deposits (user_id, auction_id, kind, status, amount, balance)
      select id, 1, 'session', 'held', 100000, 100000 from users`);
    const bidders = Array.from({ length: BIDDERS }, (_, i) => i + 1);

    const rawLatencies: number[] = [];
    const [, rawElapsed] = await time(() =>
      Promise.all(
        bidders.map(async () => {
          for (let i = 0; i < ATTEMPTS_PER_BIDDER; i++) {
            const [, took] = await time(() =>
              db.transaction(async (tx) => {
                await tx.execute(sql`select id from lots where id = ${lot!.id} for update`);
                await tx.execute(sql`update lots set updated_at = now() where id = ${lot!.id}`);
              }),
            );
            rawLatencies.push(took);
          }
        }),
      ),
    );

    const latencies: number[] = [];
    let accepted = 0;
    const [, elapsed] = await time(() =>
      Promise.all(
        bidders.map(async (userId) => {
          for (let i = 0; i < ATTEMPTS_PER_BIDDER; i++) {
            const [current] = await db.select().from(lots).where(eq(lots.id, lot!.id));
            if (current!.leaderId === userId) continue;
            const [ok, took] = await time(() =>
              placeBid({ db, userId, lotId: lot!.id, amount: minimumBid(current!, DEFAULT_LADDER), now: NOW })
                .then(() => true)
                .catch(() => false),
            );
            latencies.push(took);
            if (ok) accepted += 1;
          }
        }),
      ),
    );
    if (accepted === 0) throw new Error('no bid was accepted: the hot-lot seed is wrong');
    const attemptsPerSecond = (latencies.length / elapsed) * 1000;
    const baselinePerSecond = (rawLatencies.length / rawElapsed) * 1000;
    return {
      attempts: latencies.length,
      accepted,
      attemptsPerSecond,
      p50Ms: percentile(latencies, 50),
      p99Ms: percentile(latencies, 99),
      baselinePerSecond,
      baselineP99Ms: percentile(rawLatencies, 99),
      ratio: attemptsPerSecond / baselinePerSecond,
    };
  } finally {
    await target.close();
    await database.drop();
  }
}
