'use server';

import { headers } from 'next/headers';
import { CredentialsSignin } from 'next-auth';
import { clientIp } from '@/lib/auth/client-ip';
import { signIn } from '@/lib/auth';
import { THROTTLE_WINDOW_MS } from '@/lib/auth/login-throttle';
import { safeCallbackUrl } from '@/lib/auth/safe-callback-url';
import { env } from '@/lib/env';
import { publicAction } from '@/lib/actions/safe-action';
import { AppError } from '@/lib/errors';
import { signInSchema, signUpSchema } from '@/lib/users/sign-up-schema';
import { signUpBuyer } from '@/lib/users/sign-up-buyer';

/** Signs in through Auth.js; on success Auth.js redirects, so nothing is returned. */
async function signInWithCredentials(identifier: string, password: string, callbackUrl?: string) {
  try {
    await signIn('credentials', { identifier, password, redirectTo: safeCallbackUrl(callbackUrl, env().APP_URL) });
  } catch (error) {
    if (error instanceof CredentialsSignin) {
      throw error.code === 'rate_limited'
        ? new AppError('RATE_LIMITED', 'Too many sign-in attempts', { retryAfterSeconds: THROTTLE_WINDOW_MS / 1000 })
        : new AppError('INVALID_CREDENTIALS');
    }
    throw error;
  }
}

export const signInAction = publicAction(signInSchema, async ({ identifier, password, callbackUrl }) => {
  await signInWithCredentials(identifier, password, callbackUrl);
});

export const signUpAction = publicAction(signUpSchema, async (input, { db, now }) => {
  await signUpBuyer({ db, input, ip: clientIp(await headers(), env().TRUSTED_PROXY), now });
  await signInWithCredentials(input.phone, input.password);
});
