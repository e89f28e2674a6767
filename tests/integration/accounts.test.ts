import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { loginAttempts, users } from '@/db/schema';
import {
  MAX_FAILURES_PER_ACCOUNT,
  MAX_FAILURES_PER_ACCOUNT_CLIENT,
  MAX_FAILURES_PER_IP,
  THROTTLE_WINDOW_MS,
} from '@/lib/auth/login-throttle';
import { verifyCredentials } from '@/lib/auth/verify-credentials';
import { AppError } from '@/lib/errors';
import { signUpSchema } from '@/lib/users/sign-up-schema';
import { MAX_SIGN_UPS_PER_CLIENT, signUpBuyer } from '@/lib/users/sign-up-buyer';
import { databaseForEachTest, testDrivers } from '../support/test-database';

const now = new Date('2026-11-25T04:00:00Z');
const signUp = (overrides: Record<string, string> = {}) =>
  signUpSchema.parse({
    name: '林一',
    phone: '139 1234 5678',
    email: 'Lin@Example.com',
    password: 'correct-horse',
    confirmPassword: 'correct-horse',
    ...overrides,
  });

async function refusal(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

describe.each(testDrivers())('accounts on %s', (driver) => {
  const current = databaseForEachTest(driver);

  const attempt = (identifier: string, password: string, ip: string | null = '203.0.113.7', at = now) =>
    verifyCredentials({ db: current().db, identifier, password, ip, now: at });

  it('signs a buyer up with a hashed password and lets them sign in by phone or email', async () => {
    const user = await signUpBuyer({ db: current().db, ip: '203.0.113.50', now, input: signUp() });
    expect(user.role).toBe('buyer');
    const [row] = await current().db.select().from(users).where(eq(users.id, user.id));
    expect(row!.passwordHash).not.toContain('correct-horse');
    expect(row).toMatchObject({ phone: '13912345678', email: 'lin@example.com' });
    await expect(attempt('+86 139-1234-5678', 'correct-horse')).resolves.toMatchObject({ id: user.id, role: 'buyer' });
    await expect(attempt('LIN@example.com', 'correct-horse')).resolves.toMatchObject({ id: user.id });
  });

  it('answers a taken phone or email with a field error and writes nothing', async () => {
    await signUpBuyer({ db: current().db, ip: '203.0.113.50', now, input: signUp() });
    const phoneTaken = await refusal(
      signUpBuyer({ db: current().db, ip: '203.0.113.50', now, input: signUp({ email: 'other@example.com' }) }),
    );
    expect(phoneTaken.details.fieldErrors).toEqual({ phone: ['validation.phoneTaken'] });
    const emailTaken = await refusal(
      signUpBuyer({ db: current().db, ip: '203.0.113.50', now, input: signUp({ phone: '13700000000' }) }),
    );
    expect(emailTaken.details.fieldErrors).toEqual({ email: ['validation.emailTaken'] });
    expect(await current().db.$count(users)).toBe(1);
  });

  it('gives one answer for an unknown account, a wrong password and a blocked user', async () => {
    const user = await signUpBuyer({ db: current().db, ip: '203.0.113.50', now, input: signUp() });
    expect((await refusal(attempt('13800009999', 'correct-horse'))).code).toBe('INVALID_CREDENTIALS');
    expect((await refusal(attempt('13912345678', 'wrong-horse'))).code).toBe('INVALID_CREDENTIALS');
    await current().db.update(users).set({ blocked: true }).where(eq(users.id, user.id));
    expect((await refusal(attempt('13912345678', 'correct-horse'))).code).toBe('INVALID_CREDENTIALS');
  });

  it('pauses an account for the guessing client, even for the right password, until the window passes', async () => {
    await signUpBuyer({ db: current().db, ip: '203.0.113.50', now, input: signUp() });
    for (let i = 0; i < MAX_FAILURES_PER_ACCOUNT_CLIENT; i++)
      await refusal(attempt('13912345678', `guess-${i}`, '198.51.100.1'));
    const limited = await refusal(attempt('13912345678', 'correct-horse', '198.51.100.1'));
    expect(limited.code).toBe('RATE_LIMITED');
    expect(limited.details.retryAfterSeconds).toBe(THROTTLE_WINDOW_MS / 1000);
    const later = new Date(now.getTime() + THROTTLE_WINDOW_MS + 1000);
    await expect(attempt('13912345678', 'correct-horse', '198.51.100.1', later)).resolves.toMatchObject({
      role: 'buyer',
    });
  });

  it('does not let a rival guessing from elsewhere lock the bidder out', async () => {
    const user = await signUpBuyer({ db: current().db, ip: '203.0.113.50', now, input: signUp() });
    for (let i = 0; i < MAX_FAILURES_PER_ACCOUNT_CLIENT + 3; i++)
      await refusal(attempt('13912345678', `guess-${i}`, '198.51.100.66'));
    await expect(attempt('13912345678', 'correct-horse', '203.0.113.7')).resolves.toMatchObject({ id: user.id });
  });

  it('pauses the account for everyone once guesses from many clients reach the ceiling', async () => {
    await signUpBuyer({ db: current().db, ip: '203.0.113.50', now, input: signUp() });
    for (let i = 0; i < MAX_FAILURES_PER_ACCOUNT; i++) {
      await refusal(attempt('13912345678', `guess-${i}`, `198.51.${Math.floor(i / 4)}.${i % 4}`));
    }
    expect((await refusal(attempt('13912345678', 'correct-horse', '203.0.113.7'))).code).toBe('RATE_LIMITED');
  });

  it('counts the phone and the email of one account together', async () => {
    await signUpBuyer({ db: current().db, ip: '203.0.113.50', now, input: signUp() });
    for (let i = 0; i < MAX_FAILURES_PER_ACCOUNT_CLIENT; i++)
      await refusal(attempt(i % 2 ? 'lin@example.com' : '13912345678', `guess-${i}`));
    expect((await refusal(attempt('LIN@example.com', 'correct-horse'))).code).toBe('RATE_LIMITED');
    expect((await refusal(attempt('+86 139 1234 5678', 'correct-horse'))).code).toBe('RATE_LIMITED');
  });

  it('evaluates at most the limit of 30 parallel wrong passwords', async () => {
    await signUpBuyer({ db: current().db, ip: '203.0.113.50', now, input: signUp() });
    const results = await Promise.all(
      Array.from({ length: 30 }, (_, i) => refusal(attempt('13912345678', `guess-${i}`))),
    );
    const codes = results.map((error) => error.code);
    expect(codes.filter((code) => code === 'INVALID_CREDENTIALS')).toHaveLength(MAX_FAILURES_PER_ACCOUNT_CLIENT);
    expect(await current().db.$count(loginAttempts)).toBe(MAX_FAILURES_PER_ACCOUNT_CLIENT);
  });

  it('does not count successful sign-ins towards the limit', async () => {
    await signUpBuyer({ db: current().db, ip: '203.0.113.50', now, input: signUp() });
    for (let i = 0; i < MAX_FAILURES_PER_ACCOUNT_CLIENT * 3; i++) await attempt('13912345678', 'correct-horse');
    await refusal(attempt('13912345678', 'wrong'));
    await expect(attempt('13912345678', 'correct-horse')).resolves.toMatchObject({ role: 'buyer' });
  });

  it('throttles unknown identifiers too, with the same answers', async () => {
    for (let i = 0; i < MAX_FAILURES_PER_ACCOUNT_CLIENT; i++)
      expect((await refusal(attempt('13800009999', `guess-${i}`))).code).toBe('INVALID_CREDENTIALS');
    expect((await refusal(attempt('13800009999', 'guess'))).code).toBe('RATE_LIMITED');
  });

  it('pauses an IP that tries many accounts', async () => {
    await signUpBuyer({ db: current().db, ip: '203.0.113.50', now, input: signUp() });
    for (let i = 0; i < MAX_FAILURES_PER_IP; i++)
      await refusal(attempt(`1380000${String(i).padStart(4, '0')}`, 'guess', '192.0.2.1'));
    expect((await refusal(attempt('13912345678', 'correct-horse', '192.0.2.1'))).code).toBe('RATE_LIMITED');
    await expect(attempt('13912345678', 'correct-horse', '192.0.2.2')).resolves.toMatchObject({ role: 'buyer' });
  });

  it('without a trusted client address, one guesser cannot stop other accounts signing in', async () => {
    await signUpBuyer({ db: current().db, ip: '203.0.113.50', now, input: signUp() });
    for (let i = 0; i < MAX_FAILURES_PER_IP + 5; i++)
      await refusal(attempt(`1380000${String(i).padStart(4, '0')}`, 'guess', null));
    await expect(attempt('13912345678', 'correct-horse', null)).resolves.toMatchObject({ role: 'buyer' });
  });

  it('without a trusted client address, a rival’s guesses do not lock the bidder out below the account ceiling', async () => {
    await signUpBuyer({ db: current().db, ip: '203.0.113.50', now, input: signUp() });
    for (let i = 0; i < MAX_FAILURES_PER_ACCOUNT_CLIENT + 5; i++)
      await refusal(attempt('13912345678', `guess-${i}`, null));
    await expect(attempt('13912345678', 'correct-horse', null)).resolves.toMatchObject({ role: 'buyer' });
  });

  it('throttles sign-ups per client, so probing which phones are registered is bounded', async () => {
    await signUpBuyer({ db: current().db, ip: '203.0.113.50', now, input: signUp() });
    for (let i = 1; i < MAX_SIGN_UPS_PER_CLIENT; i++) {
      expect(
        (
          await refusal(
            signUpBuyer({ db: current().db, ip: '198.51.100.9', now, input: signUp({ email: `p${i}@example.com` }) }),
          )
        ).code,
      ).toBe('VALIDATION');
    }
    await refusal(
      signUpBuyer({ db: current().db, ip: '198.51.100.9', now, input: signUp({ email: 'last@example.com' }) }),
    );
    const limited = await refusal(
      signUpBuyer({
        db: current().db,
        ip: '198.51.100.9',
        now,
        input: signUp({ phone: '13700000001', email: 'new@example.com' }),
      }),
    );
    expect(limited.code).toBe('RATE_LIMITED');
    expect(await current().db.$count(users)).toBe(1);
    await expect(
      signUpBuyer({
        db: current().db,
        ip: '198.51.100.10',
        now,
        input: signUp({ phone: '13700000001', email: 'new@example.com' }),
      }),
    ).resolves.toMatchObject({ role: 'buyer' });
  });
});
