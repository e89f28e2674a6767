import { sql } from 'drizzle-orm';
import type { Database } from '@/db/client';

export const BIDS_PER_LOT = 100;
export const DEPOSITS_PER_LOT = 5;
const LOTS_PER_AUCTION = 100;
/** Bidders are users 1‥BIDDERS; the next WATCHERS users only hold session deposits and never bid. */
export const BIDDERS = 50;
const WATCHERS = 10;
const T0 = new Date('2026-11-10T02:00:00Z');
/** When every lot of the closing ends; the tick settles them at this instant. */
export const CLOSING_END = new Date(T0.getTime() + 3 * 3_600_000);

/** A constant of the seed, inlined: Postgres cannot type `$1 % $2` between two parameters. */
const n = (value: number) => sql.raw(String(Math.trunc(value)));

export type ClosingSize = { lots: number };

export const describeClosing = ({ lots }: ClosingSize) =>
  `${lots.toLocaleString('en')} lots / ${(lots * BIDS_PER_LOT).toLocaleString('en')} bids / ${(lots * DEPOSITS_PER_LOT).toLocaleString('en')} lot deposits`;

/**
 * Auctions of 100 live lots all ending at CLOSING_END. Lot l has BIDS_PER_LOT bids cycling
 * through its DEPOSITS_PER_LOT depositors (users l‥l+4 mod BIDDERS), and its leader is the
 * user of its highest bid, as bidding leaves it. Every tenth lot's reserve is above its
 * price, so it closes unsold and all its deposits go back. Each auction also has session
 * deposits: five from bidders who win lots there (frozen by settlement: they owe orders)
 * and five from watchers (refunded). Every deposit was paid by a sandbox charge, so its
 * refund has a payment and a charge to go back to.
 */
export async function seedClosing(db: Database, { lots }: ClosingSize) {
  const auctions = Math.ceil(lots / LOTS_PER_AUCTION);
  const at = (value: Date) => sql`${value.toISOString()}::timestamptz`;
  const topBidder = sql`1 + ((${n(BIDS_PER_LOT - 1)} % ${n(DEPOSITS_PER_LOT)}) + g) % ${n(BIDDERS)}`;
  await db.execute(sql`insert into users (name, phone, email, password_hash, role)
    select 'bench ' || g, '139' || lpad(g::text, 8, '0'), 'bench' || g || '@gavel.test', 'x', 'buyer'
    from generate_series(1, ${n(BIDDERS + WATCHERS)}) g`);
  await db.execute(sql`insert into auctions (title, status, preview_starts_at, preview_ends_at, starts_at, ends_at, next_transition_at, buyer_premium_bps)
    select 'bench ' || g, 'live', ${at(T0)}, ${at(T0)} + interval '1 hour', ${at(T0)} + interval '1 hour', ${at(CLOSING_END)}, ${at(CLOSING_END)}, 1500
    from generate_series(1, ${n(auctions)}) g`);
  await db.execute(sql`insert into lots (auction_id, position, title, status, start_price, reserve_price, deposit_amount, current_price, bid_count, leader_id, next_transition_at)
    select 1 + (g - 1) / ${n(LOTS_PER_AUCTION)}, g, 'lot ' || g, 'live', 10000, case when g % 10 = 0 then 200000 end, 20000,
           10000 + ${n(BIDS_PER_LOT - 1)} * 1000, ${n(BIDS_PER_LOT)}, ${topBidder}, ${at(CLOSING_END)}
    from generate_series(1, ${n(lots)}) g`);
  await db.execute(sql`insert into bids (lot_id, user_id, amount, placed_at)
    select l, 1 + ((b % ${n(DEPOSITS_PER_LOT)}) + l) % ${n(BIDDERS)}, 10000 + b * 1000, ${at(T0)} + interval '1 hour' + b * interval '1 second'
    from generate_series(1, ${n(lots)}) l, generate_series(0, ${n(BIDS_PER_LOT - 1)}) b`);
  await db.execute(sql`insert into deposits (user_id, auction_id, lot_id, kind, status, amount, balance, paid_at)
    select 1 + (d + l) % ${n(BIDDERS)}, 1 + (l - 1) / ${n(LOTS_PER_AUCTION)}, l, 'lot', 'held', 20000, 20000, ${at(T0)}
    from generate_series(1, ${n(lots)}) l, generate_series(0, ${n(DEPOSITS_PER_LOT - 1)}) d`);
  await db.execute(sql`insert into deposits (user_id, auction_id, kind, status, amount, balance, paid_at)
    select u, a, 'session', 'held', 50000, 50000, ${at(T0)}
    from generate_series(1, ${n(auctions)}) a,
         (select generate_series(1, 5) union all select generate_series(${n(BIDDERS + 1)}, ${n(BIDDERS + 5)})) as s(u)`);
  await db.execute(sql`insert into payments (user_id, purpose, deposit_id, amount, provider, provider_ref, status, idempotency_key, succeeded_at)
    select user_id, 'deposit', id, amount, 'sandbox', 'bench-' || id, 'succeeded', 'bench:' || id, ${at(T0)} from deposits`);
  await db.execute(sql`insert into sandbox_transactions (kind, reference, idempotency_key, amount, settled_at)
    select 'charge', provider_ref, idempotency_key, amount, succeeded_at from payments`);
}
