import { eq } from 'drizzle-orm';
import { createTranslator } from 'next-intl';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { payments, users } from '@/db/schema';
import type { CurrentUser } from '@/lib/auth/current-user';
import { setClock, fixedClock } from '@/lib/clock';
import { zhCNMessages as messages } from '@/lib/i18n/messages';
import { startDepositPayment } from '@/lib/payments/deposit-payment';
import { seedBuyer } from '../support/factories';
import { HOUR, at, publishedAuction, sandbox } from '../support/lifecycle';
import { databaseForEachTest, type TestDatabase } from '../support/test-database';

// The real action module runs against this file's database as a signed-in buyer.
const state = vi.hoisted(() => ({ user: null as CurrentUser | null, database: null as TestDatabase | null }));
vi.mock('next/headers', () => ({ headers: async () => new Headers() }));
vi.mock('@/lib/auth/current-user', () => ({ currentUser: async () => state.user }));
vi.mock('@/db', async (original) => ({
  ...(await original<typeof import('@/db')>()),
  db: () => state.database!.db,
  appDatabase: () => state.database!,
}));
vi.mock('next-intl/server', () => ({ getTranslations: async () => createTranslator({ locale: 'zh-CN', messages }) }));
vi.stubEnv('AUTH_SECRET', 'hostile-actions-auth-secret-0123456789');
vi.stubEnv('CRON_SECRET', 'hostile-actions-cron-secret-0123456789');

const { submitSandboxCharge } = await import('@/actions/sandbox-checkout');
const { signInAction, signUpAction } = await import('@/actions/auth');
const { publicAction } = await import('@/lib/actions/safe-action');

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
    const started = await startDepositPayment({
      db,
      provider: sandbox(db),
      userId: buyer.id,
      auctionId,
      lotId: null,
      now: at(now, 1.5 * HOUR),
    });
    paymentId = started.paymentId;
    const [payment] = await db.select().from(payments).where(eq(payments.id, paymentId));
    reference = payment!.providerRef!;
    setClock(fixedClock(at(now, 1.5 * HOUR)));
  });

  const status = async () =>
    (await current().db.select({ status: payments.status }).from(payments).where(eq(payments.id, paymentId)))[0]
      ?.status;

  it('settles nothing for anything that is not the form', async () => {
    for (const raw of [
      undefined,
      'x',
      42,
      [reference],
      { reference, outcome: 'refund-everything' },
      { reference: `${reference}\u0000`, outcome: 'succeeded' },
      { reference: 'x'.repeat(10_000), outcome: 'succeeded' },
    ]) {
      await expect(submitSandboxCharge(raw as never)).resolves.toBeUndefined();
    }
    expect(await status()).toBe('pending');
  });

  it('takes a plain object as it takes the form: parsed first, then settled and redirected', async () => {
    const redirected = await submitSandboxCharge({ reference, outcome: 'succeeded' } as never).then(
      () => null,
      (error: unknown) => error,
    );
    expect(String((redirected as { digest?: string } | null)?.digest)).toMatch(
      /^NEXT_REDIRECT;.*\/sandbox\/pay\/.*\?result=applied/,
    );
    expect(await status()).toBe('succeeded');
  });

  it('sends the buyer to the page saying the charge closed when it expired meanwhile', async () => {
    setClock(fixedClock(at(now, 4 * HOUR)));
    const redirected = await submitSandboxCharge({ reference, outcome: 'succeeded' } as never).then(
      () => null,
      (error: unknown) => error,
    );
    expect(String((redirected as { digest?: string } | null)?.digest)).toMatch(
      /^NEXT_REDIRECT;.*\/sandbox\/pay\/.*\?result=closed/,
    );
    expect(await status()).toBe('pending');
  });

  it("refuses another buyer's charge without a redirect, expired or not", async () => {
    const other = await seedBuyer(current().db);
    state.user = { id: other.id, name: other.name, role: 'buyer' };
    await expect(submitSandboxCharge({ reference, outcome: 'succeeded' } as never)).resolves.toBeUndefined();
    setClock(fixedClock(at(now, 4 * HOUR)));
    await expect(submitSandboxCharge({ reference, outcome: 'succeeded' } as never)).resolves.toBeUndefined();
    expect(await status()).toBe('pending');
  });
});

describe('sign-up and sign-in actions under hostile input', () => {
  const current = databaseForEachTest('pglite');
  const valid = {
    name: '林一',
    phone: '13912345678',
    email: 'lin@example.com',
    password: 'correct-horse',
    confirmPassword: 'correct-horse',
  };

  beforeEach(() => {
    state.database = current();
    state.user = null;
  });

  it('answers VALIDATION, writing nothing, to a NUL byte, a 20 kB email or a payload that is not the form', async () => {
    for (const raw of [
      { ...valid, name: '林\u0000一' },
      { ...valid, email: `${'a'.repeat(20_000)}@example.com` },
      { ...valid, email: `a\u0000b@example.com` },
      [valid],
      'name=x',
      null,
    ]) {
      expect(await signUpAction(raw as never), JSON.stringify(raw)?.slice(0, 40)).toMatchObject({
        ok: false,
        code: 'VALIDATION',
      });
    }
    expect(await current().db.$count(users)).toBe(0);
    for (const raw of [
      { identifier: '138\u00000000000', password: 'x' },
      { identifier: 'a'.repeat(20_000), password: 'x' },
      [{ identifier: 'a', password: 'b' }],
    ]) {
      expect(await signInAction(raw as never)).toMatchObject({ ok: false, code: 'VALIDATION' });
    }
  });

  it('logs a real driver failure by SQLSTATE and request id, without the statement parameters', async () => {
    const logged: string[] = [];
    const spy = vi
      .spyOn(console, 'error')
      .mockImplementation((...args: unknown[]) => void logged.push(args.map(String).join(' ')));
    const failing = publicAction(z.object({}), async (_, { db }) => {
      // Postgres refuses NUL in text (22021); the insert's parameters are what must not leak.
      await db.insert(users).values({
        name: '林一',
        phone: '13912345678',
        email: 'lin@example.com',
        passwordHash: '$2b$10$leakedhash\u0000',
      });
    });
    const result = await failing({});
    spy.mockRestore();
    expect(result).toMatchObject({ ok: false, code: 'INTERNAL', requestId: expect.any(String) });
    const log = logged.join('\n');
    expect(log).toContain(`requestId=${result.ok ? '' : result.requestId}`);
    expect(log).toMatch(/sqlstate=22/);
    for (const secret of ['leakedhash', '13912345678', 'lin@example.com', '林一']) expect(log).not.toContain(secret);
  });
});
