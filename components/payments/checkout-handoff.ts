import { WECHAT_JSSDK_URL } from '@/lib/payments/wechat-jssdk';

/** A charge the server opened: the provider's reference and the page that takes the payment. */
export type OpenCharge = { reference: string; payUrl: string };

/** The mini-program page that takes the payment (docs/miniprogram.md is its contract). */
export const MINI_PROGRAM_PAY_PAGE = '/pages/pay/index';

type MiniProgram = {
  navigateTo(options: { url: string; success?: () => void; fail?: (error: unknown) => void }): void;
};

declare global {
  interface Window {
    /** Set by the mini-program web-view once its bridge is ready. */
    __wxjs_environment?: string;
    wx?: { miniProgram?: MiniProgram };
  }
}

/**
 * Inside the WeChat mini-program's web-view: the bridge says so once ready, and the user
 * agent says so from the first moment (it carries "miniProgram").
 */
export function inMiniProgram(): boolean {
  return window.__wxjs_environment === 'miniprogram' || /miniProgram/i.test(window.navigator.userAgent);
}

/** The mini-program page's path with the charge reference and the web page to come back to. */
export function miniProgramPayPath(reference: string, returnPath: string): string {
  const query = new URLSearchParams({ reference, return: returnPath });
  return `${MINI_PROGRAM_PAY_PAGE}?${query.toString()}`;
}

/** `wx.miniProgram`, loading the JSSDK first when the page does not have it yet. */
function miniProgramBridge(): Promise<MiniProgram> {
  const ready = window.wx?.miniProgram;
  if (ready) return Promise.resolve(ready);
  return new Promise((resolve, reject) => {
    const script = document.createElement('script');
    script.src = WECHAT_JSSDK_URL;
    script.async = true;
    script.onload = () => {
      const loaded = window.wx?.miniProgram;
      if (loaded) resolve(loaded);
      else reject(new Error('the JSSDK loaded without wx.miniProgram'));
    };
    script.onerror = () => reject(new Error('the JSSDK did not load'));
    document.head.appendChild(script);
  });
}

/**
 * When the buyer comes back from the mini-program's pay page (it calls navigateBack, and the
 * web-view shows this page again) the page reloads once: whatever the provider's notice has
 * settled by then is what it shows. The status itself changes only on the server's notice.
 */
function refreshOnReturn(onReturn: () => void) {
  const returned = () => {
    if (document.visibilityState !== 'visible') return;
    document.removeEventListener('visibilitychange', returned);
    onReturn();
  };
  document.addEventListener('visibilitychange', returned);
}

/**
 * Sends the buyer on to pay a charge. Every deposit and order payment button goes through
 * here, so this is the one place that knows where payment happens: in a browser, the
 * provider's checkout page (`payUrl`); inside the mini-program's web-view, which cannot start
 * WeChat Pay itself, the mini-program's own pay page, given the charge reference. If that
 * page cannot be opened (no bridge, an old client) the browser checkout is the fallback.
 */
export async function handOffToCheckout(
  charge: OpenCharge,
  { onReturn = () => window.location.reload() }: { onReturn?: () => void } = {},
): Promise<void> {
  if (!inMiniProgram()) {
    window.location.assign(charge.payUrl);
    return;
  }
  const returnPath = `${window.location.pathname}${window.location.search}`;
  try {
    const bridge = await miniProgramBridge();
    await new Promise<void>((resolve, reject) =>
      bridge.navigateTo({ url: miniProgramPayPath(charge.reference, returnPath), success: resolve, fail: reject }),
    );
    refreshOnReturn(onReturn);
  } catch {
    window.location.assign(charge.payUrl);
  }
}
