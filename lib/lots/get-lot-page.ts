import 'server-only';
import { asc, eq } from 'drizzle-orm';
import type { Executor } from '@/db';
import { lotImages } from '@/db/schema';
import type { LotLive } from '@/lib/api/v1/schemas';
import type { LifecycleRules } from '@/lib/engine/rules';
import { getLotLive } from './get-lot-live';

export type LotPage = {
  live: LotLive;
  title: string;
  description: string;
  images: string[];
  videoUrl: string | null;
  estimateLow: number | null;
  estimateHigh: number | null;
  depositAmount: number;
  auction: { id: number; title: string; depositAmount: number; buyerPremiumBps: number; antiSnipingMinutes: number };
};

/** Everything the lot page shows that is the same for every viewer, or null if not public. */
export async function getLotPage({
  db,
  lotId,
  now,
  rules,
}: {
  db: Executor;
  lotId: number;
  now: Date;
  rules?: LifecycleRules;
}): Promise<LotPage | null> {
  const found = await getLotLive({ db, lotId, now, rules });
  if (!found) return null;
  const { lot, auction } = found.record;
  const gallery = await db
    .select({ url: lotImages.url })
    .from(lotImages)
    .where(eq(lotImages.lotId, lotId))
    .orderBy(asc(lotImages.position));
  // The cover leads; gallery images follow without repeating it.
  const images = [lot.coverUrl, ...gallery.map((image) => image.url)].filter(
    (url, index, all): url is string => !!url && all.indexOf(url) === index,
  );
  return {
    live: found.live,
    title: lot.title,
    description: lot.description,
    images,
    videoUrl: lot.videoUrl,
    estimateLow: lot.estimateLow,
    estimateHigh: lot.estimateHigh,
    depositAmount: lot.depositAmount,
    auction: {
      id: auction.id,
      title: auction.title,
      depositAmount: auction.depositAmount,
      buyerPremiumBps: auction.buyerPremiumBps,
      antiSnipingMinutes: auction.antiSnipingMinutes,
    },
  };
}
