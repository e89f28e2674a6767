import { eq } from 'drizzle-orm';
import { createTranslator } from 'next-intl';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { payments } from '@/db/schema';
import type { CurrentUser } from '@/lib/auth/current-user';
import { setClock, fixedClock } from '@/lib/clock';
import messages from '@/lib/i18n/messages/zh-CN.json';
import { startDepositPayment } from '@/lib/payments/deposit-payment';
import { seedBuyer } from '../support/factories';
import { HOUR, at, publishedAuction, sandbox } from '../support/lifecycle';
import { databaseForEachTest, type TestDatabase } from '../support/test-database';

// The real action module runs against this file's database as a signed-in buyer.
const state = vi.hoisted(() => ({ user: null as CurrentUser | null, database: null as TestDatabase | null }));
vi.mock('@/lib/auth/current-user', () => ({ currentUser: async () => state.user }));
vi.mock('@/db', async (original) => ({
  ...(await original<typeof import('@/db')>()),
  db: () => state.database!.db,
  appDatabase: () => state.database!,
}));
vi.mock('next-intl/server', () => ({ getTranslations: async () => createTranslator({ locale: 'zh-CN', messages }) }));
vi.stubEnv('AUTH_SECRET', 'hostile-actions-auth-secret-0123456789');
vi.stubEnv('CRON_SECRET', 'hostile-actions-cron-secret-0123456789');

const { submitSandboxCharge } = await import('@/app/(buyer)/sandbox/pay/[reference]/actions');

const now = new Date('2026-11-25T04:00:00Z');

describe('the sandbox checkout action under hostile input', () => {
  const current = databaseForEachTest('pglite');
  let reference: string;
  let paymentId: number;

  beforeEach(async () => {
    state.database = current();
    const { db } = current();
    const buyer = await seedBuyer(db);
    state.user = { id: buyer.id, name: buyer.name, role: 'buyer' };
    const { auctionId } = await publishedAuction(db, now);
    const started = await startDepositPayment({ db, provider: sandbox(db), userId: buyer.id, auctionId, lotId: null, now: at(now, 1.5 * HOUR) });
    paymentId = started.paymentId;
    const [payment] = await db.select().from(payments).where(eq(payments.id, paymentId));
    reference = payment!.providerRef!;
    setClock(fixedClock(at(now, 1.5 * HOUR)));
  });

  const status = async () => (await current().db.select({ status: payments.status }).from(payments).where(eq(payments.id, paymentId)))[0]?.status;

  it('settles nothing for anything that is not the form', async () => {
    for (const raw of [undefined, 'x', 42, [reference], { reference, outcome: 'refund-everything' }, { reference: `${reference}\u0000`, outcome: 'succeeded' }, { reference: 'x'.repeat(10_000), outcome: 'succeeded' }]) {
      await expect(submitSandboxCharge(raw as never)).resolves.toBeUndefined();
    }
    expect(await status()).toBe('pending');
  });

  it('takes a plain object as it takes the form: parsed first, then settled and redirected', async () => {
    const redirected = await submitSandboxCharge({ reference, outcome: 'succeeded' } as never).then(
      () => null,
      (error: unknown) => error,
    );
    expect(String((redirected as { digest?: string } | null)?.digest)).toMatch(/^NEXT_REDIRECT;.*\/sandbox\/pay\/.*\?result=applied/);
    expect(await status()).toBe('succeeded');
  });
});
