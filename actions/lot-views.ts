'use server';

import { cookies } from 'next/headers';
import { randomUUID } from 'node:crypto';
import { publicAction } from '@/lib/actions/safe-action';
import { lotViewSchema } from '@/lib/bidding/bid-schema';
import { env } from '@/lib/env';
import { recordLotView } from '@/lib/lots/record-lot-view';

const VISITOR_COOKIE = 'gavel_visitor';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const YEAR_SECONDS = 365 * 24 * 3600;

/** The visitor a view is counted for: the signed-in user, else an anonymous id kept in an httpOnly cookie. */
async function visitorOf(userId: number | undefined): Promise<string> {
  if (userId !== undefined) return `user:${userId}`;
  const jar = await cookies();
  const existing = jar.get(VISITOR_COOKIE)?.value;
  if (existing && UUID.test(existing)) return `anon:${existing}`;
  const fresh = randomUUID();
  jar.set(VISITOR_COOKIE, fresh, {
    httpOnly: true,
    sameSite: 'lax',
    secure: env().APP_URL.startsWith('https:'),
    path: '/',
    maxAge: YEAR_SECONDS,
  });
  return `anon:${fresh}`;
}

/** 围观: the lot page reports a view once it is open; each visitor counts once a day. */
export const recordLotViewAction = publicAction(lotViewSchema, async ({ lotId }, { user, db, now }) => ({
  counted: await recordLotView({ db, lotId, visitor: await visitorOf(user?.id), now, timeZone: env().APP_TIME_ZONE }),
}));
