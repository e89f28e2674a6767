import { describe, expect, it } from 'vitest';
import type { Database } from '@/db/client';
import { sandboxProvider, signSandboxWebhook } from './sandbox';

const secret = 'unit-sandbox-secret-0123456789';
// Verifying a notice never touches the ledger.
const provider = sandboxProvider({ db: {} as Database, secret });
const signed = (body: unknown) => {
  const rawBody = JSON.stringify(body);
  return provider.verifyWebhook(rawBody, signSandboxWebhook(secret, rawBody));
};

describe('sandbox webhook verification', () => {
  it('reads the provider’s paid-at time from a signed success', () => {
    expect(signed({ type: 'charge.succeeded', reference: 'sbx_ch_1', paidAt: '2026-11-07T05:00:00.000Z' })).toEqual({
      type: 'charge.succeeded',
      reference: 'sbx_ch_1',
      paidAt: new Date('2026-11-07T05:00:00.000Z'),
    });
    expect(signed({ type: 'charge.failed', reference: 'sbx_ch_1' })).toEqual({
      type: 'charge.failed',
      reference: 'sbx_ch_1',
    });
  });

  it('refuses a success without a paid-at time, or a forged signature', () => {
    expect(signed({ type: 'charge.succeeded', reference: 'sbx_ch_1' })).toBeNull();
    expect(signed({ type: 'charge.succeeded', reference: 'sbx_ch_1', paidAt: 'yesterday' })).toBeNull();
    const rawBody = JSON.stringify({
      type: 'charge.succeeded',
      reference: 'sbx_ch_1',
      paidAt: '2026-11-07T05:00:00.000Z',
    });
    expect(provider.verifyWebhook(rawBody, signSandboxWebhook('another-secret-0123456789', rawBody))).toBeNull();
  });
});
