import { asc, eq } from 'drizzle-orm';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { deposits, payments, sandboxTransactions } from '@/db/schema';
import { fixedClock, setClock } from '@/lib/clock';
import { startDepositPayment } from '@/lib/payments/deposit-payment';
import { sandboxProvider, signSandboxWebhook, SANDBOX_SIGNATURE_HEADER } from '@/lib/payments/sandbox';
import { seedBuyer } from '../support/factories';
import { at, MINUTE, publishedAuction, tick } from '../support/lifecycle';
import { databaseForEachTest, testDrivers, type TestDatabase } from '../support/test-database';

const state = vi.hoisted(() => ({ database: null as TestDatabase | null }));
vi.mock('@/db', async (original) => ({
  ...(await original<typeof import('@/db')>()),
  db: () => state.database!.db,
  appDatabase: () => state.database!,
}));
vi.stubEnv('AUTH_SECRET', 'webhook-route-auth-secret-0123456789');
vi.stubEnv('CRON_SECRET', 'webhook-route-cron-secret-0123456789');

const { POST } = await import('@/app/api/payments/sandbox/webhook/route');
// The secret the route's provider checks signatures with, as a deployment derives it.
const { sandboxSecret } = await import('@/lib/server/engine');
const url = 'http://127.0.0.1/api/payments/sandbox/webhook';

/** A chunked body of `total` bytes produced on demand, counting what was pulled. */
function endlessBody(total: number) {
  let pulled = 0;
  const chunk = new Uint8Array(64 * 1024).fill(0x61);
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (pulled >= total) return controller.close();
      pulled += chunk.byteLength;
      controller.enqueue(chunk);
    },
  });
  return { stream, pulled: () => pulled };
}

describe('sandbox webhook route', () => {
  const current = databaseForEachTest('pglite');

  it('answers 413 to a declared oversized body before reading it', async () => {
    state.database = current();
    const body = endlessBody(100 * 1024 * 1024);
    const response = await POST(
      new Request(url, {
        method: 'POST',
        body: body.stream,
        headers: { 'content-length': String(100 * 1024 * 1024) },
        duplex: 'half',
      } as RequestInit),
    );
    expect(response.status).toBe(413);
    expect(body.pulled()).toBeLessThanOrEqual(64 * 1024);
  });

  it('stops reading a chunked body past the cap and answers 413', async () => {
    state.database = current();
    const body = endlessBody(100 * 1024 * 1024);
    const response = await POST(new Request(url, { method: 'POST', body: body.stream, duplex: 'half' } as RequestInit));
    expect(response.status).toBe(413);
    expect(await response.json()).toMatchObject({ error: 'PAYLOAD_TOO_LARGE' });
    expect(body.pulled()).toBeLessThan(1024 * 1024);
  });

  it('still checks the signature of a body under the cap', async () => {
    state.database = current();
    const rawBody = JSON.stringify({ type: 'charge.succeeded', reference: 'sbx_ch_none' });
    const forged = await POST(
      new Request(url, {
        method: 'POST',
        body: rawBody,
        headers: { 'x-sandbox-signature': signSandboxWebhook('wrong', rawBody) },
      }),
    );
    expect(forged.status).toBe(400);
  });
});

describe.each(testDrivers())('sandbox webhook route settling a charge on %s', (driver) => {
  const current = databaseForEachTest(driver);
  let restoreClock = () => {};
  afterEach(() => restoreClock());

  /** A buyer's pending session-deposit charge in a live auction, the route's clock inside it. */
  async function pendingCharge() {
    state.database = current();
    const { db } = current();
    const buyer = await seedBuyer(db);
    const auction = await publishedAuction(db, new Date('2026-11-01T02:00:00Z'));
    const live = at(auction.startsAt, MINUTE);
    await tick(db, live);
    restoreClock = setClock(fixedClock(live));
    const started = await startDepositPayment({
      db,
      provider: sandboxProvider({ db, secret: sandboxSecret() }),
      userId: buyer.id,
      auctionId: auction.auctionId,
      lotId: null,
      now: live,
    });
    const [payment] = await db.select().from(payments).where(eq(payments.id, started.paymentId));
    return { ...started, reference: payment!.providerRef!, paidAt: live };
  }

  /** Every row a notice could change, to prove a refused one changed none. */
  async function moneyRows() {
    const { db } = current();
    return {
      payments: await db.select().from(payments).orderBy(asc(payments.id)),
      deposits: await db.select().from(deposits).orderBy(asc(deposits.id)),
      sandbox: await db.select().from(sandboxTransactions).orderBy(asc(sandboxTransactions.id)),
    };
  }

  const deliver = (rawBody: string, signature: string | null) =>
    POST(
      new Request(url, {
        method: 'POST',
        body: rawBody,
        headers: {
          'content-type': 'application/json',
          ...(signature ? { [SANDBOX_SIGNATURE_HEADER]: signature } : {}),
        },
      }),
    );

  it('refuses a notice without a valid signature with 400 and changes nothing', async () => {
    const charge = await pendingCharge();
    const rawBody = JSON.stringify({
      type: 'charge.succeeded',
      reference: charge.reference,
      paidAt: charge.paidAt.toISOString(),
    });
    const before = await moneyRows();
    const forgeries: [string, string | null][] = [
      ['unsigned', null],
      ['signed with another secret', signSandboxWebhook('not-the-sandbox-secret', rawBody)],
      ['signature of another body', signSandboxWebhook(sandboxSecret(), rawBody.replace('succeeded', 'failed'))],
      ['not hex', 'z'.repeat(64)],
    ];
    for (const [how, signature] of forgeries) {
      const response = await deliver(rawBody, signature);
      expect(response.status, how).toBe(400);
      expect(await response.json(), how).toMatchObject({ error: 'VALIDATION' });
    }
    expect(await moneyRows()).toEqual(before);
  });

  it('settles the charge once for a signed notice, and a replay changes nothing', async () => {
    const charge = await pendingCharge();
    const rawBody = JSON.stringify({
      type: 'charge.succeeded',
      reference: charge.reference,
      paidAt: charge.paidAt.toISOString(),
    });
    const signature = signSandboxWebhook(sandboxSecret(), rawBody);

    const first = await deliver(rawBody, signature);
    expect(first.status).toBe(200);
    expect(await first.json()).toEqual({ outcome: 'applied' });
    const settled = await moneyRows();
    expect(settled.payments.map((payment) => [payment.id, payment.status])).toEqual([[charge.paymentId, 'succeeded']]);
    expect(settled.deposits.map((deposit) => [deposit.id, deposit.status, deposit.balance])).toEqual([
      [charge.depositId, 'held', settled.deposits[0]!.amount],
    ]);

    for (let replay = 0; replay < 2; replay++) {
      const again = await deliver(rawBody, signature);
      expect(again.status).toBe(200);
      expect(await again.json()).toEqual({ outcome: 'already_settled' });
    }
    expect(await moneyRows()).toEqual(settled);
  });
});
