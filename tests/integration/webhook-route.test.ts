import { describe, expect, it, vi } from 'vitest';
import { signSandboxWebhook } from '@/lib/payments/sandbox';
import { databaseForEachTest, type TestDatabase } from '../support/test-database';

const state = vi.hoisted(() => ({ database: null as TestDatabase | null }));
vi.mock('@/db', async (original) => ({
  ...(await original<typeof import('@/db')>()),
  db: () => state.database!.db,
  appDatabase: () => state.database!,
}));
vi.stubEnv('AUTH_SECRET', 'webhook-route-auth-secret-0123456789');
vi.stubEnv('CRON_SECRET', 'webhook-route-cron-secret-0123456789');

const { POST } = await import('@/app/api/payments/sandbox/webhook/route');
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
