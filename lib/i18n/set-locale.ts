'use server';

import { cookies } from 'next/headers';
import { z } from 'zod';
import { isLocale, LOCALE_COOKIE } from './config';

const localeSchema = z.string().refine(isLocale);

/** Public on purpose: anyone may choose their language. Unknown values change nothing. */
export async function setLocale(locale: unknown): Promise<void> {
  const parsed = localeSchema.safeParse(locale);
  if (!parsed.success) return;
  (await cookies()).set(LOCALE_COOKIE, parsed.data, { path: '/', maxAge: 60 * 60 * 24 * 365, sameSite: 'lax' });
}
