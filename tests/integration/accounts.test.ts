import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { users } from '@/db/schema';
import { MAX_FAILURES_PER_ACCOUNT, MAX_FAILURES_PER_IP, THROTTLE_WINDOW_MS } from '@/lib/auth/login-throttle';
import { verifyCredentials } from '@/lib/auth/verify-credentials';
import { AppError } from '@/lib/errors';
import { signUpSchema } from '@/lib/users/sign-up-schema';
import { signUpBuyer } from '@/lib/users/sign-up-buyer';
import { databaseForEachTest, testDrivers } from '../support/test-database';

const now = new Date('2026-11-25T04:00:00Z');
const signUp = (overrides: Record<string, string> = {}) =>
  signUpSchema.parse({ name: '林一', phone: '139 1234 5678', email: 'Lin@Example.com', password: 'correct-horse', confirmPassword: 'correct-horse', ...overrides });

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

  const attempt = (identifier: string, password: string, ip = '203.0.113.7', at = now) =>
    verifyCredentials({ db: current().db, identifier, password, ip, now: at });

  it('signs a buyer up with a hashed password and lets them sign in by phone or email', async () => {
    const user = await signUpBuyer({ db: current().db, input: signUp() });
    expect(user.role).toBe('buyer');
    const [row] = await current().db.select().from(users).where(eq(users.id, user.id));
    expect(row!.passwordHash).not.toContain('correct-horse');
    expect(row).toMatchObject({ phone: '13912345678', email: 'lin@example.com' });
    await expect(attempt('+86 139-1234-5678', 'correct-horse')).resolves.toMatchObject({ id: user.id, role: 'buyer' });
    await expect(attempt('LIN@example.com', 'correct-horse')).resolves.toMatchObject({ id: user.id });
  });

  it('answers a taken phone or email with a field error and writes nothing', async () => {
    await signUpBuyer({ db: current().db, input: signUp() });
    const phoneTaken = await refusal(signUpBuyer({ db: current().db, input: signUp({ email: 'other@example.com' }) }));
    expect(phoneTaken.details.fieldErrors).toEqual({ phone: ['validation.phoneTaken'] });
    const emailTaken = await refusal(signUpBuyer({ db: current().db, input: signUp({ phone: '13700000000' }) }));
    expect(emailTaken.details.fieldErrors).toEqual({ email: ['validation.emailTaken'] });
    expect(await current().db.$count(users)).toBe(1);
  });

  it('gives one answer for an unknown account, a wrong password and a blocked user', async () => {
    const user = await signUpBuyer({ db: current().db, input: signUp() });
    expect((await refusal(attempt('13800009999', 'correct-horse'))).code).toBe('INVALID_CREDENTIALS');
    expect((await refusal(attempt('13912345678', 'wrong-horse'))).code).toBe('INVALID_CREDENTIALS');
    await current().db.update(users).set({ blocked: true }).where(eq(users.id, user.id));
    expect((await refusal(attempt('13912345678', 'correct-horse'))).code).toBe('INVALID_CREDENTIALS');
  });

  it('pauses an account after repeated failures, even for the right password, until the window passes', async () => {
    await signUpBuyer({ db: current().db, input: signUp() });
    for (let i = 0; i < MAX_FAILURES_PER_ACCOUNT; i++) {
      // Different IPs: the account limit must hold however the guesser spreads out.
      await refusal(attempt('13912345678', `guess-${i}`, `198.51.100.${i}`));
    }
    const limited = await refusal(attempt('13912345678', 'correct-horse'));
    expect(limited.code).toBe('RATE_LIMITED');
    expect(limited.details.retryAfterSeconds).toBe(THROTTLE_WINDOW_MS / 1000);
    const later = new Date(now.getTime() + THROTTLE_WINDOW_MS + 1000);
    await expect(attempt('13912345678', 'correct-horse', '203.0.113.7', later)).resolves.toMatchObject({ role: 'buyer' });
  });

  it('pauses an IP that tries many accounts', async () => {
    await signUpBuyer({ db: current().db, input: signUp() });
    for (let i = 0; i < MAX_FAILURES_PER_IP; i++) await refusal(attempt(`1380000${String(i).padStart(4, '0')}`, 'guess', '192.0.2.1'));
    expect((await refusal(attempt('13912345678', 'correct-horse', '192.0.2.1'))).code).toBe('RATE_LIMITED');
    await expect(attempt('13912345678', 'correct-horse', '192.0.2.2')).resolves.toMatchObject({ role: 'buyer' });
  });
});
