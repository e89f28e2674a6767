import { and, eq, sum } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { sandboxTransactions } from '@/db/schema';
import { sandboxProvider } from '@/lib/payments/sandbox';
import { databaseForEachTest, testDrivers } from '../support/test-database';

const CHARGE = 10_000;

/** The sandbox stands in for a real provider, so it must refuse what a provider refuses, under load too. */
describe.each(testDrivers())('sandbox ledger on %s', (driver) => {
  const current = databaseForEachTest(driver);

  async function charge(reference: string) {
    await current()
      .db.insert(sandboxTransactions)
      .values({ kind: 'charge', reference, idempotencyKey: `charge:${reference}`, amount: CHARGE });
  }

  /** What the charge's refunds add up to; the charge's own running total must agree. */
  async function refunded(reference: string) {
    const [charged] = await current()
      .db.select({ refundedAmount: sandboxTransactions.refundedAmount })
      .from(sandboxTransactions)
      .where(and(eq(sandboxTransactions.kind, 'charge'), eq(sandboxTransactions.reference, reference)));
    const [row] = await current()
      .db.select({ total: sum(sandboxTransactions.amount).mapWith(Number) })
      .from(sandboxTransactions)
      .where(and(eq(sandboxTransactions.kind, 'refund'), eq(sandboxTransactions.chargeReference, reference)));
    expect(charged?.refundedAmount).toBe(row?.total ?? 0);
    return row?.total ?? 0;
  }

  it('refunds of one charge racing under different keys never add up to more than the charge', async () => {
    const provider = sandboxProvider({ db: current().db, secret: 'sandbox-ledger-test-secret' });
    for (let round = 0; round < 5; round++) {
      const reference = `sbx_ch_race_${round}`;
      await charge(reference);
      const results = await Promise.allSettled(
        Array.from({ length: 6 }, (_, i) =>
          provider.refund({ idempotencyKey: `refund:${round}:${i}`, chargeReference: reference, amount: 6_000 }),
        ),
      );
      expect(results.filter((result) => result.status === 'fulfilled')).toHaveLength(1);
      const refused = results.flatMap((result) => (result.status === 'rejected' ? [String(result.reason)] : []));
      expect(refused).toEqual(Array(5).fill('Error: sandbox: refund exceeds the charge'));
      expect(await refunded(reference)).toBe(6_000);
    }
  });

  it.each([4_000, 6_000])(
    'the same key sent several times at once books one refund of %i and answers each send with it',
    async (amount) => {
      const provider = sandboxProvider({ db: current().db, secret: 'sandbox-ledger-test-secret' });
      await charge('sbx_ch_same');
      const answers = await Promise.all(
        Array.from({ length: 6 }, () =>
          provider.refund({ idempotencyKey: 'refund:same', chargeReference: 'sbx_ch_same', amount }),
        ),
      );
      expect(new Set(answers.map((answer) => answer.reference)).size).toBe(1);
      expect(await refunded('sbx_ch_same')).toBe(amount);
    },
  );

  it('answers a retry with its refund even once the charge is spent, and refuses to refund a refund', async () => {
    const provider = sandboxProvider({ db: current().db, secret: 'sandbox-ledger-test-secret' });
    await charge('sbx_ch_spent');
    const first = await provider.refund({
      idempotencyKey: 'refund:all',
      chargeReference: 'sbx_ch_spent',
      amount: CHARGE,
    });
    await expect(
      provider.refund({ idempotencyKey: 'refund:all', chargeReference: 'sbx_ch_spent', amount: CHARGE }),
    ).resolves.toEqual(first);
    await expect(
      provider.refund({ idempotencyKey: 'refund:more', chargeReference: 'sbx_ch_spent', amount: 1 }),
    ).rejects.toThrow(/exceeds the charge/);
    await expect(
      provider.refund({ idempotencyKey: 'refund:of-refund', chargeReference: first.reference, amount: 1 }),
    ).rejects.toThrow(/no charge/);
    expect(await refunded('sbx_ch_spent')).toBe(CHARGE);
  });

  it('refuses a refund of an unknown charge', async () => {
    const provider = sandboxProvider({ db: current().db, secret: 'sandbox-ledger-test-secret' });
    await expect(
      provider.refund({ idempotencyKey: 'refund:none', chargeReference: 'sbx_ch_missing', amount: 100 }),
    ).rejects.toThrow(/no charge/);
  });
});
