import { db } from '@/db';
import { CACHE, apiJson, apiRead } from '@/lib/api/v1/respond';
import { unreadCountSchema } from '@/lib/api/v1/schemas';
import { currentUser } from '@/lib/auth/current-user';
import { AppError } from '@/lib/errors';
import { countUnread } from '@/lib/notifications/count-unread';

export const dynamic = 'force-dynamic';

/**
 * GET /api/v1/me/unread: how many of the caller's notifications are unread, which the header's
 * bell polls. Buyers only (an admin has no notifications); private and never cached.
 */
export function GET(): Promise<Response> {
  return apiRead(async () => {
    const user = await currentUser();
    if (!user) throw new AppError('UNAUTHENTICATED', 'Sign in to see your notifications');
    if (user.role !== 'buyer') throw new AppError('FORBIDDEN', 'Only buyers have notifications');
    return apiJson(unreadCountSchema, { unread: await countUnread({ db: db(), userId: user.id }) }, CACHE.personal);
  });
}
