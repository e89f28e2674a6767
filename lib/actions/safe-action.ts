import 'server-only';
import { headers } from 'next/headers';
import { unstable_rethrow } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import type { z } from 'zod';
import { db, type Database } from '@/db';
import { assertRole } from '@/lib/auth/assert-role';
import { clientIp } from '@/lib/auth/client-ip';
import { currentUser, type CurrentUser } from '@/lib/auth/current-user';
import { now } from '@/lib/clock';
import { env } from '@/lib/env';
import { AppError, isAppError, type ErrorCode, type ErrorParams, type FieldErrors } from '@/lib/errors';
import { logUnexpectedError } from '@/lib/server/log-error';

export type ActionResult<T> =
  | { ok: true; data: T }
  | {
      ok: false;
      code: ErrorCode;
      error: string;
      fieldErrors: FieldErrors;
      retryAfterSeconds?: number;
      params?: ErrorParams;
      requestId?: string;
    };

type Audience = 'public' | 'buyer' | 'admin';
export type ActionContext<A extends Audience> = {
  user: A extends 'public' ? CurrentUser | null : CurrentUser;
  db: Database;
  now: Date;
  /** The caller's address as the trusted proxy reports it (null when unknown), for the audit log. */
  ip: string | null;
};

/**
 * Form posts arrive as FormData; typed callers (react-hook-form) pass objects; a hostile
 * caller posts anything at all. Only FormData is reshaped: everything else goes to the
 * schema as it came, and the schema refuses what is not the form's shape.
 */
function toInput(raw: unknown): unknown {
  if (!(raw instanceof FormData)) return raw;
  return Object.fromEntries([...raw.entries()].filter(([key]) => !key.startsWith('$ACTION')));
}

function zodFieldErrors(error: z.ZodError): FieldErrors {
  const fieldErrors: FieldErrors = {};
  for (const issue of error.issues) {
    const key = issue.path.length > 0 ? issue.path.join('.') : '_form';
    (fieldErrors[key] ??= []).push(issue.message);
  }
  return fieldErrors;
}

/** A `reason` parameter is itself a message key (e.g. why a coupon does not apply). */
function translatedParams(
  params: ErrorParams | undefined,
  translate: (key: string) => string,
): ErrorParams | undefined {
  if (!params?.reason) return params;
  return { ...params, reason: translate(`couponReasons.${params.reason}`) };
}

async function failure(error: AppError, requestId?: string): Promise<ActionResult<never>> {
  const t = await getTranslations();
  // Schema messages are message keys; anything else (a hostile or malformed field) gets the
  // generic message rather than zod's English text.
  const translate = (message: string) => (t.has(message) ? t(message) : t('validation.invalid'));
  const fieldErrors = Object.fromEntries(
    Object.entries(error.details.fieldErrors ?? {}).map(([field, messages]) => [field, messages.map(translate)]),
  );
  return {
    ok: false,
    code: error.code,
    error: requestId
      ? t('errors.internalWithId', { requestId })
      : t(`errors.${error.code}`, translatedParams(error.details.params, translate)),
    fieldErrors,
    ...(error.details.retryAfterSeconds ? { retryAfterSeconds: error.details.retryAfterSeconds } : {}),
    ...(error.details.params ? { params: error.details.params } : {}),
    ...(requestId ? { requestId } : {}),
  };
}

function defineAction<A extends Audience>(audience: A) {
  return <S extends z.ZodType, T>(schema: S, handler: (input: z.output<S>, ctx: ActionContext<A>) => Promise<T>) =>
    async (raw: z.input<S> | FormData): Promise<ActionResult<T>> => {
      try {
        // Authorise before looking at the input: a refused caller learns nothing about it.
        const signedIn = await currentUser();
        const user = audience === 'public' ? signedIn : assertRole(signedIn, audience === 'admin' ? 'admin' : 'buyer');
        const parsed = await schema.safeParseAsync(toInput(raw));
        if (!parsed.success) {
          throw new AppError('VALIDATION', 'Invalid input', { fieldErrors: zodFieldErrors(parsed.error) });
        }
        const ip = clientIp(await headers(), env().TRUSTED_PROXY);
        const context = { user, db: db(), now: now(), ip } as ActionContext<A>;
        return { ok: true, data: await handler(parsed.data, context) };
      } catch (error) {
        unstable_rethrow(error);
        if (isAppError(error)) return failure(error);
        return failure(new AppError('INTERNAL'), logUnexpectedError('action', error));
      }
    };
}

/** Anyone may call; `ctx.user` is the caller if signed in. */
export const publicAction = defineAction('public');
/** Signed-in, unblocked buyers only. */
export const buyerAction = defineAction('buyer');
/** Signed-in, unblocked admins only: checked here, whatever the page or proxy did. */
export const adminAction = defineAction('admin');
