'use server';

import { buyerAction } from '@/lib/actions/safe-action';
import { setWatch as setWatchOf } from '@/lib/watchlist/set-watch';
import { setWatchSchema } from '@/lib/watchlist/watch-schema';

/**
 * 关注 / 取消关注 a published lot; repeating either is a no-op. Nothing is revalidated: the
 * button holds its own state, so unwatching on /me/watchlist leaves the card there to undo,
 * and every page reads the watchlist afresh on its next request.
 */
export const setWatch = buyerAction(setWatchSchema, async ({ lotId, watching }, { user, db }) =>
  setWatchOf({ db, userId: user.id, lotId, watching }),
);
