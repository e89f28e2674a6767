'use server';

import { cookies } from 'next/headers';
import { publicAction } from '@/lib/actions/safe-action';
import { UNKNOWN_CLIENT } from '@/lib/auth/client-ip';
import { lotViewSchema } from '@/lib/bidding/bid-schema';
import { env } from '@/lib/env';
import { recordLotView } from '@/lib/lots/record-lot-view';
import { issueVisitorToken, visitorIdOf } from '@/lib/lots/visitor-token';
import { consumeRateLimit } from '@/lib/rate-limit/consume';

const VISITOR_COOKIE = 'gavel_visitor';
const YEAR_SECONDS = 365 * 24 * 3600;

/** Anonymous views counted per client address in ten minutes; callers without a known address share a bigger bucket. */
const ANONYMOUS_VIEWS = { windowMs: 10 * 60_000, perClient: 60, unknownClients: 600 };

/**
 * The visitor a view is counted for: the signed-in user, else the anonymous id of a cookie
 * this server signed on an earlier call. A call without one only gets the cookie and counts
 * nothing, so a script that drops cookies mints no visitors.
 */
async function visitorOf(userId: number | undefined): Promise<string | null> {
  if (userId !== undefined) return `user:${userId}`;
  const jar = await cookies();
  const id = visitorIdOf(jar.get(VISITOR_COOKIE)?.value, env().AUTH_SECRET);
  if (id) return `anon:${id}`;
  jar.set(VISITOR_COOKIE, issueVisitorToken(env().AUTH_SECRET), {
    httpOnly: true,
    sameSite: 'lax',
    secure: env().APP_URL.startsWith('https:'),
    path: '/',
    maxAge: YEAR_SECONDS,
  });
  return null;
}

/**
 * 围观: the lot page reports a view once it is open; each visitor counts once a day, and
 * anonymous counting is rate-limited per client address (RATE_LIMITED past it).
 */
export const recordLotViewAction = publicAction(lotViewSchema, async ({ lotId }, { user, db, now, ip }) => {
  const visitor = await visitorOf(user?.id);
  if (visitor === null) return { counted: false };
  if (!user) {
    await consumeRateLimit(db, {
      key: `lot-view:${ip ?? UNKNOWN_CLIENT}`,
      now,
      windowMs: ANONYMOUS_VIEWS.windowMs,
      limit: ip ? ANONYMOUS_VIEWS.perClient : ANONYMOUS_VIEWS.unknownClients,
    });
  }
  return { counted: await recordLotView({ db, lotId, visitor, now, timeZone: env().APP_TIME_ZONE }) };
});
