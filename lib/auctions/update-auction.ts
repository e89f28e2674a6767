import 'server-only';
import { and, eq } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { auctions } from '@/db/schema';
import { recordAdminAudit } from '@/lib/admin/audit';
import { AppError } from '@/lib/errors';
import { rescheduleLots } from '@/lib/lots/staggered-slots';
import { nextAuctionTransitionAt } from '@/machines/auction';
import { createOwnLadder, ladderSteps, sameLadder } from './auction-ladder';
import { auctionColumnsOf, type AuctionColumns } from './auction-columns';
import type { UpdateAuctionData } from './auction-form-schema';
import { AUCTION_MEDIA_FIELDS, lockedFieldErrors } from './editable-fields';
import { lockAuctionForEdit } from './lock-auction-for-edit';

/** Columns whose form field has another name. */
const FIELD_OF: Partial<Record<keyof AuctionColumns, string>> = { buyerPremiumBps: 'buyerPremiumPercent' };
const SLOT_INPUTS: readonly string[] = ['previewStartsAt', 'endsAt', 'closingIntervalSeconds'];

const same = (a: unknown, b: unknown) =>
  a instanceof Date && b instanceof Date ? a.getTime() === b.getTime() : a === b;

/**
 * An operator saves the auction form. Refused as STALE_WRITE when someone saved since the
 * form was loaded, FIELD_LOCKED naming the fields its status (at `now`) no longer lets
 * change. A scheduled auction must keep its preview in the future, and its lots' staggered
 * slots and deadlines are rewritten the way publishing wrote them.
 */
export async function updateAuction({
  db,
  now,
  adminId,
  ip,
  input,
}: {
  db: Database;
  now: Date;
  adminId: number;
  ip: string | null;
  input: UpdateAuctionData;
}): Promise<{ version: number }> {
  return db.transaction(async (tx) => {
    const { auction, status, lotCount, lastLotEndsAt } = await lockAuctionForEdit(tx, {
      auctionId: input.auctionId,
      now,
      version: input.version,
    });
    const columns = auctionColumnsOf(input);
    const changed = (Object.keys(columns) as (keyof AuctionColumns)[]).filter(
      (key) => !same(columns[key], auction[key]),
    );
    const storedLadder = await ladderSteps(tx, auction.incrementLadderId);
    const ladderChanged = !sameLadder(storedLadder, input.ladder);
    const changedFields = [...changed.map((key) => FIELD_OF[key] ?? key), ...(ladderChanged ? ['ladder'] : [])];
    const locked = lockedFieldErrors(status, changedFields, AUCTION_MEDIA_FIELDS);
    if (Object.keys(locked).length > 0) {
      throw new AppError('FIELD_LOCKED', `Locked while ${status}`, { fieldErrors: locked });
    }
    if (status === 'scheduled' && input.previewStartsAt <= now) {
      throw new AppError('VALIDATION', 'A scheduled auction keeps its preview in the future', {
        fieldErrors: { previewStartsAt: ['adminAuctions.validation.mustBeFuture'] },
      });
    }
    const incrementLadderId = ladderChanged
      ? await createOwnLadder(tx, { name: input.title, steps: input.ladder })
      : auction.incrementLadderId;
    // Before preview no lot has closed or been extended, so every lot is open and the last ends with the auction's slots.
    const nextTransitionAt =
      status === 'scheduled'
        ? nextAuctionTransitionAt(status, { ...columns, lotCount, openLots: lotCount, lastLotEndsAt })
        : auction.nextTransitionAt;
    const [saved] = await tx
      .update(auctions)
      .set({ ...columns, incrementLadderId, nextTransitionAt, version: auction.version + 1, updatedAt: now })
      .where(and(eq(auctions.id, auction.id), eq(auctions.version, auction.version)))
      .returning({ version: auctions.version });
    if (!saved) throw new AppError('STALE_WRITE', 'The auction changed while saving');
    if (status === 'scheduled' && changed.some((key) => SLOT_INPUTS.includes(key))) {
      await rescheduleLots(tx, { auctionId: auction.id, now });
    }
    await recordAdminAudit(tx, {
      adminId,
      ip,
      action: 'auction.update',
      entity: 'auction',
      entityId: auction.id,
      before: {
        ...Object.fromEntries(changed.map((key) => [key, auction[key]])),
        ...(ladderChanged ? { ladder: storedLadder } : {}),
      },
      after: {
        ...Object.fromEntries(changed.map((key) => [key, columns[key]])),
        ...(ladderChanged ? { ladder: input.ladder } : {}),
      },
      details: { version: saved.version },
      at: now,
    });
    return { version: saved.version };
  });
}
