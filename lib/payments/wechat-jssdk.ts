/**
 * WeChat's JSSDK, which gives a web-view page `wx.miniProgram`: the one file of another
 * origin a page may load (components/payments/checkout-handoff.ts loads it inside the
 * mini-program; lib/server/security-headers.ts lists exactly this URL in the CSP).
 */
export const WECHAT_JSSDK_URL = 'https://res.wx.qq.com/open/js/jweixin-1.6.0.js';
