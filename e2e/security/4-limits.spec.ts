import { expect, test } from '@playwright/test';
import { DEMO_BUYERS } from '@/scripts/seed/demo-accounts';
import { actionResult, callAction, clientAddress, discoveredAction, figures, type Answer } from './support';

const signIn = () => discoveredAction('actions/auth.ts#signInAction', '/login');
const signUp = () => discoveredAction('actions/auth.ts#signUpAction', '/signup');

function code(answer: Answer): string {
  expect(answer.status, answer.body.slice(0, 300)).toBeLessThan(500);
  const result = actionResult(answer);
  if (result) return result.ok ? 'OK' : String(result.code);
  return answer.headers.get('x-action-redirect') ? 'SIGNED_IN' : `HTTP ${answer.status}`;
}

// Each test calls from an address of its own (clientAddress) on accounts no other test guesses
// at, so every one starts with empty throttles, whatever ran before it.
test('[LIMITS] wrong passwords count per account whether the buyer is named by phone or by email', async () => {
  const buyer = DEMO_BUYERS[3]!;
  const codes: string[] = [];
  for (let attempt = 0; attempt < 6; attempt++) {
    const identifier = attempt % 2 === 0 ? buyer.phone : buyer.email;
    codes.push(code(await callAction(signIn(), { identifier, password: `wrong-${attempt}` }, { encoding: 'json' })));
  }
  const right = code(
    await callAction(signIn(), { identifier: buyer.email, password: 'gavel-buyer' }, { encoding: 'json' }),
  );
  figures(test.info(), { 'rate-limit probes': codes.length + 1 });
  expect(codes.slice(0, 5), codes.join(', ')).toEqual(Array(5).fill('INVALID_CREDENTIALS'));
  expect(codes[5], 'the sixth guess, phone and email counted together').toBe('RATE_LIMITED');
  expect(right, 'even the right password waits out the window').toBe('RATE_LIMITED');
});

test('[LIMITS] thirty parallel wrong passwords get no more than five evaluated', async () => {
  const buyer = DEMO_BUYERS[4]!;
  const codes = await Promise.all(
    Array.from({ length: 30 }, (_, attempt) =>
      callAction(signIn(), { identifier: buyer.phone, password: `parallel-${attempt}` }, { encoding: 'json' }).then(
        code,
      ),
    ),
  );
  figures(test.info(), { 'rate-limit probes': codes.length });
  expect(codes.filter((value) => value === 'INVALID_CREDENTIALS').length, codes.join(', ')).toBeLessThanOrEqual(5);
  expect(
    codes.filter((value) => value !== 'INVALID_CREDENTIALS' && value !== 'RATE_LIMITED'),
    codes.join(', '),
  ).toEqual([]);
});

test('[LIMITS] a new X-Forwarded-For on every guess does not reset the per-client limit', async () => {
  const codes: string[] = [];
  // Distinct unknown accounts, so only the per-client count can stop them.
  for (let attempt = 0; attempt < 30; attempt++) {
    // What the trusted proxy forwards: the client's forged entries, then the address it saw.
    const spoofed = `203.0.113.${attempt + 1}, 10.0.0.${attempt + 1}, ${clientAddress()}`;
    codes.push(
      code(
        await callAction(
          signIn(),
          { identifier: `1370000${String(1000 + attempt)}`, password: 'guess-guess' },
          { encoding: 'json', headers: { 'x-forwarded-for': spoofed, 'x-real-ip': '203.0.113.9' } },
        ),
      ),
    );
  }
  figures(test.info(), { 'rate-limit probes': codes.length });
  expect(codes, codes.join(', ')).toContain('RATE_LIMITED');
  expect(codes.at(-1)).toBe('RATE_LIMITED');
});

test('[LIMITS] sign-up is throttled per client: it cannot be used to test forty phones in a row', async () => {
  const codes: string[] = [];
  for (let attempt = 0; attempt < 40; attempt++) {
    const phone = DEMO_BUYERS[attempt % DEMO_BUYERS.length]!.phone;
    codes.push(
      code(
        await callAction(
          signUp(),
          { name: '探号', phone, password: 'probe-probe-1', confirmPassword: 'probe-probe-1' },
          { encoding: 'json' },
        ),
      ),
    );
  }
  figures(test.info(), { 'rate-limit probes': codes.length });
  expect(codes, codes.join(', ')).toContain('RATE_LIMITED');
  expect(codes.at(-1)).toBe('RATE_LIMITED');
});
