'use server';

import { revalidatePath } from 'next/cache';
import { buyerAction } from '@/lib/actions/safe-action';
import { setWatch as setWatchOf } from '@/lib/watchlist/set-watch';
import { setWatchSchema } from '@/lib/watchlist/watch-schema';

/** 关注 / 取消关注 a published lot; repeating either is a no-op. */
export const setWatch = buyerAction(setWatchSchema, async ({ lotId, watching }, { user, db }) => {
  const result = await setWatchOf({ db, userId: user.id, lotId, watching });
  revalidatePath('/me/watchlist');
  return result;
});
