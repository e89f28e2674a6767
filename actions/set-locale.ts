'use server';

import { cookies } from 'next/headers';
import { z } from 'zod';
import { publicAction } from '@/lib/actions/safe-action';
import { isLocale, LOCALE_COOKIE } from '@/lib/i18n/config';

const localeSchema = z.string().max(10).refine(isLocale);

/** Public on purpose: anyone may choose their language. Unknown values are a VALIDATION error. */
export const setLocale = publicAction(localeSchema, async (locale) => {
  (await cookies()).set(LOCALE_COOKIE, locale, { path: '/', maxAge: 60 * 60 * 24 * 365, sameSite: 'lax' });
});
