import type { Locale } from '../config';
import enAdminAuctions from './en/admin-auctions.json';
import enAdminMoney from './en/admin-money.json';
import enAdminPeople from './en/admin-people.json';
import enBuyerAccount from './en/buyer-account.json';
import enBuyerActivity from './en/buyer-activity.json';
import enBuyerLot from './en/buyer-lot.json';
import enCore from './en/core.json';
import zhAdminAuctions from './zh-CN/admin-auctions.json';
import zhAdminMoney from './zh-CN/admin-money.json';
import zhAdminPeople from './zh-CN/admin-people.json';
import zhBuyerAccount from './zh-CN/buyer-account.json';
import zhBuyerActivity from './zh-CN/buyer-activity.json';
import zhBuyerLot from './zh-CN/buyer-lot.json';
import zhCore from './zh-CN/core.json';

type Messages = Record<string, Record<string, unknown>>;
/** Both languages have the same keys (messages.test.ts), so the Chinese files give the shape. */
type AppMessages = typeof zhCore &
  typeof zhAdminAuctions &
  typeof zhAdminMoney &
  typeof zhAdminPeople &
  typeof zhBuyerLot &
  typeof zhBuyerAccount &
  typeof zhBuyerActivity;

/**
 * Messages live in one file per area of the app, each holding whole namespaces (top-level
 * keys), so features grow without editing one shared file. A namespace belongs to exactly
 * one file: `messages.test.ts` checks that, and that both languages have the same keys.
 */
export const messageFiles: Record<Locale, Record<string, Messages>> = {
  'zh-CN': {
    core: zhCore,
    'admin-auctions': zhAdminAuctions,
    'admin-money': zhAdminMoney,
    'admin-people': zhAdminPeople,
    'buyer-lot': zhBuyerLot,
    'buyer-account': zhBuyerAccount,
    'buyer-activity': zhBuyerActivity,
  },
  en: {
    core: enCore,
    'admin-auctions': enAdminAuctions,
    'admin-money': enAdminMoney,
    'admin-people': enAdminPeople,
    'buyer-lot': enBuyerLot,
    'buyer-account': enBuyerAccount,
    'buyer-activity': enBuyerActivity,
  },
};

export function messagesFor(locale: Locale): AppMessages {
  return Object.assign({}, ...Object.values(messageFiles[locale])) as AppMessages;
}

export const zhCNMessages = messagesFor('zh-CN');
export const enMessages = messagesFor('en');
