import { eq } from 'drizzle-orm';
import { getTranslations } from 'next-intl/server';
import { db } from '@/db';
import { auctions } from '@/db/schema';
import { csvResponse } from '@/lib/admin/csv';
import { auctionBidsCsv } from '@/lib/admin/csv-exports';
import { assertRole } from '@/lib/auth/assert-role';
import { currentUser } from '@/lib/auth/current-user';
import { env } from '@/lib/env';
import { AppError } from '@/lib/errors';
import { jsonError } from '@/lib/server/json-error';
import { recordIdText } from '@/lib/validation/record-id';

export const dynamic = 'force-dynamic';

/** An auction's bids as a CSV download; admins only, checked here. */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  try {
    assertRole(await currentUser(), 'admin');
    const auctionId = recordIdText.safeParse((await params).id);
    if (!auctionId.success) throw new AppError('NOT_FOUND', 'No such auction');
    const [auction] = await db().select({ id: auctions.id }).from(auctions).where(eq(auctions.id, auctionId.data));
    if (!auction) throw new AppError('NOT_FOUND', 'No such auction');
    const body = auctionBidsCsv({
      db: db(),
      auctionId: auction.id,
      timeZone: env().APP_TIME_ZONE,
      t: await getTranslations('adminCsv'),
    });
    return csvResponse(body, `auction-${auction.id}-bids.csv`);
  } catch (error) {
    return jsonError(error);
  }
}
