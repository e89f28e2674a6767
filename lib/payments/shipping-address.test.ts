import { describe, expect, it } from 'vitest';
import { shippingAddressSchema } from './order-payment';
import { sandboxProvider, signSandboxWebhook } from './sandbox';

const address = {
  recipient: '林一',
  phone: '13912345678',
  province: '浙江省',
  city: '杭州市',
  district: '西湖区',
  detail: '龙井路 1 号\n茶园 2 栋',
};

describe('shipping address', () => {
  it('keeps a real address, line breaks in the detail included', () => {
    expect(shippingAddressSchema.parse(address)).toEqual(address);
  });

  it('refuses control characters and oversized fields as field errors', () => {
    const result = shippingAddressSchema.safeParse({
      ...address,
      recipient: '林\u0000一',
      city: '杭'.repeat(10_000),
      province: '浙江\n省',
    });
    expect(
      Object.fromEntries((result.error?.issues ?? []).map((issue) => [issue.path.join('.'), issue.message])),
    ).toEqual({
      recipient: 'validation.controlCharacters',
      city: 'validation.tooLong',
      province: 'validation.controlCharacters',
    });
  });
});

describe('sandbox webhook body', () => {
  it('refuses a signed body whose reference carries control characters or is oversized', () => {
    const provider = sandboxProvider({ db: undefined as never, secret: 's' });
    const verify = (reference: string) => {
      const body = JSON.stringify({ type: 'charge.failed', reference });
      return provider.verifyWebhook(body, signSandboxWebhook('s', body));
    };
    expect(verify('sbx_ch_1')).toEqual({ type: 'charge.failed', reference: 'sbx_ch_1' });
    expect(verify('sbx_ch_\u0000')).toBeNull();
    expect(verify('x'.repeat(101))).toBeNull();
  });
});
