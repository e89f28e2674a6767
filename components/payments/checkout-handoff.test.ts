import { afterEach, describe, expect, it, vi } from 'vitest';
import { WECHAT_JSSDK_URL } from '@/lib/payments/wechat-jssdk';
import { handOffToCheckout, inMiniProgram, miniProgramPayPath } from './checkout-handoff';

const charge = { reference: 'sbx_ch_123', payUrl: '/sandbox/pay/sbx_ch_123' };
const BROWSER_UA = 'Mozilla/5.0 (iPhone; CPU iPhone OS 18_0 like Mac OS X) AppleWebKit/605.1.15 Mobile/15E148';
const MINI_PROGRAM_UA = `${BROWSER_UA} MicroMessenger/8.0.50 NetType/WIFI Language/zh_CN miniProgram/wx1234567890`;

type Listener = () => void;

/** A window and document just big enough for the handoff, recording what it did. */
function fakeBrowser({ userAgent, wx, environment }: { userAgent: string; wx?: Window['wx']; environment?: string }) {
  const assigned: string[] = [];
  const scripts: { src: string; onload?: () => void; onerror?: () => void }[] = [];
  const listeners = new Set<Listener>();
  const document = {
    visibilityState: 'visible' as 'visible' | 'hidden',
    head: { appendChild: (script: (typeof scripts)[number]) => scripts.push(script) },
    createElement: () => ({ src: '', async: false }),
    addEventListener: (_type: string, listener: Listener) => listeners.add(listener),
    removeEventListener: (_type: string, listener: Listener) => listeners.delete(listener),
  };
  const window = {
    navigator: { userAgent },
    location: { pathname: '/lots/7', search: '?tab=bids', assign: (url: string) => assigned.push(url) },
    wx,
    __wxjs_environment: environment,
  };
  vi.stubGlobal('window', window);
  vi.stubGlobal('document', document);
  const comeBack = () => {
    document.visibilityState = 'hidden';
    for (const listener of [...listeners]) listener();
    document.visibilityState = 'visible';
    for (const listener of [...listeners]) listener();
  };
  return { window, assigned, scripts, comeBack, listeners };
}

/** A fake `wx.miniProgram` whose navigateTo answers as the real one would, or fails. */
function fakeWx(outcome: 'success' | 'fail' = 'success') {
  const navigated: string[] = [];
  const wx = {
    miniProgram: {
      navigateTo: ({ url, success, fail }: { url: string; success?: () => void; fail?: (error: unknown) => void }) => {
        navigated.push(url);
        if (outcome === 'success') success?.();
        else fail?.({ errMsg: 'navigateTo:fail page not found' });
      },
    },
  };
  return { wx, navigated };
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('handOffToCheckout in a browser', () => {
  it('goes to the checkout page and loads no JSSDK', async () => {
    const browser = fakeBrowser({ userAgent: BROWSER_UA });
    expect(inMiniProgram()).toBe(false);
    await handOffToCheckout(charge);
    expect(browser.assigned).toEqual([charge.payUrl]);
    expect(browser.scripts).toEqual([]);
  });

  it('is not fooled by a wx object alone (the WeChat browser outside a mini-program)', async () => {
    const { wx, navigated } = fakeWx();
    const browser = fakeBrowser({ userAgent: `${BROWSER_UA} MicroMessenger/8.0.50`, wx });
    await handOffToCheckout(charge);
    expect(navigated).toEqual([]);
    expect(browser.assigned).toEqual([charge.payUrl]);
  });
});

describe('handOffToCheckout in the mini-program web-view', () => {
  it('hands the charge reference to the mini-program pay page instead of navigating', async () => {
    const { wx, navigated } = fakeWx();
    const browser = fakeBrowser({ userAgent: MINI_PROGRAM_UA, wx });
    expect(inMiniProgram()).toBe(true);
    await handOffToCheckout(charge);
    expect(navigated).toEqual([miniProgramPayPath(charge.reference, '/lots/7?tab=bids')]);
    expect(navigated[0]).toBe('/pages/pay/index?reference=sbx_ch_123&return=%2Flots%2F7%3Ftab%3Dbids');
    expect(browser.assigned).toEqual([]);
  });

  it('recognises the bridge flag even when the user agent does not say so', async () => {
    const { wx, navigated } = fakeWx();
    fakeBrowser({ userAgent: BROWSER_UA, wx, environment: 'miniprogram' });
    await handOffToCheckout(charge);
    expect(navigated).toHaveLength(1);
  });

  it('loads the JSSDK only there, then uses it', async () => {
    const browser = fakeBrowser({ userAgent: MINI_PROGRAM_UA });
    const { wx, navigated } = fakeWx();
    const handedOff = handOffToCheckout(charge);
    expect(browser.scripts.map((script) => script.src)).toEqual([WECHAT_JSSDK_URL]);
    browser.window.wx = wx;
    browser.scripts[0]!.onload?.();
    await handedOff;
    expect(navigated).toHaveLength(1);
    expect(browser.assigned).toEqual([]);
  });

  it('refreshes the page once when the buyer comes back from paying', async () => {
    const { wx } = fakeWx();
    const browser = fakeBrowser({ userAgent: MINI_PROGRAM_UA, wx });
    const onReturn = vi.fn();
    await handOffToCheckout(charge, { onReturn });
    expect(onReturn).not.toHaveBeenCalled();
    browser.comeBack();
    browser.comeBack();
    expect(onReturn).toHaveBeenCalledTimes(1);
  });

  it('falls back to the checkout page when the mini-program page cannot be opened', async () => {
    const { wx } = fakeWx('fail');
    const browser = fakeBrowser({ userAgent: MINI_PROGRAM_UA, wx });
    await handOffToCheckout(charge);
    expect(browser.assigned).toEqual([charge.payUrl]);
  });

  it('falls back to the checkout page when the JSSDK does not load', async () => {
    const browser = fakeBrowser({ userAgent: MINI_PROGRAM_UA });
    const handedOff = handOffToCheckout(charge);
    browser.scripts[0]!.onerror?.();
    await handedOff;
    expect(browser.assigned).toEqual([charge.payUrl]);
  });
});
