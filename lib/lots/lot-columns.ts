import 'server-only';
import { asc, eq } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { lotImages } from '@/db/schema';

type LotFormOutput = {
  title: string;
  description: string;
  coverUrl: string | null;
  startPrice: number;
  reservePrice: number | null;
  depositAmount: number;
  estimateLow: number | null;
  estimateHigh: number | null;
};

/** The lot form's output as the lots row stores it (images live in lot_images). */
export function lotColumnsOf(input: LotFormOutput) {
  const { title, description, coverUrl, startPrice, reservePrice, depositAmount, estimateLow, estimateHigh } = input;
  return { title, description, coverUrl, startPrice, reservePrice, depositAmount, estimateLow, estimateHigh };
}

export type LotColumns = ReturnType<typeof lotColumnsOf>;

export async function lotImageUrls(tx: Executor, lotId: number): Promise<string[]> {
  const rows = await tx
    .select({ url: lotImages.url })
    .from(lotImages)
    .where(eq(lotImages.lotId, lotId))
    .orderBy(asc(lotImages.position));
  return rows.map((row) => row.url);
}

/** A lot's gallery replaced whole, in the order given. */
export async function replaceLotImages(
  tx: Executor,
  { lotId, urls, now }: { lotId: number; urls: readonly string[]; now: Date },
) {
  await tx.delete(lotImages).where(eq(lotImages.lotId, lotId));
  if (urls.length > 0) {
    await tx
      .insert(lotImages)
      .values(urls.map((url, position) => ({ lotId, url, position, createdAt: now, updatedAt: now })));
  }
}
