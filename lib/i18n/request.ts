import { cookies } from 'next/headers';
import { getRequestConfig } from 'next-intl/server';
import { env } from '@/lib/env';
import { defaultLocale, isLocale, LOCALE_COOKIE } from './config';
import { messagesFor } from './messages';

/** Language from the cookie the switcher sets (zh-CN by default); times in APP_TIME_ZONE. */
export default getRequestConfig(async () => {
  const requested = (await cookies()).get(LOCALE_COOKIE)?.value;
  const locale = isLocale(requested) ? requested : defaultLocale;
  return {
    locale,
    timeZone: env().APP_TIME_ZONE,
    messages: messagesFor(locale),
  };
});
