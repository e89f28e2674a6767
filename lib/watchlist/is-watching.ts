import 'server-only';
import { and, eq } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { watchlist } from '@/db/schema';

/** Whether the buyer watches the lot: what the lot page passes to the watch button. */
export async function isWatching({ db, userId, lotId }: { db: Executor; userId: number; lotId: number }) {
  const [row] = await db
    .select({ lotId: watchlist.lotId })
    .from(watchlist)
    .where(and(eq(watchlist.userId, userId), eq(watchlist.lotId, lotId)));
  return row !== undefined;
}
