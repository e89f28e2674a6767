import 'server-only';
import { and, eq, isNull, sql } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { auctions, deposits, lots, payments } from '@/db/schema';
import { AppError } from '@/lib/errors';
import { isBiddingBlocked } from '@/lib/users/is-bidding-blocked';
import { effectiveAuctionStatus, nextAuctionTransitionAt } from '@/machines/auction';
import { effectiveLotStatus, nextLotTransitionAt } from '@/machines/lot';
import { auctionContextOf, auctionMachineColumns } from '@/lib/auctions/machine-context';
import { lotContextOf, lotMachineColumns } from '@/lib/lots/machine-context';
import { cancelChargesAtProviders, cancelPendingPayments } from './close-open-charges';
import { withRetry } from '@/lib/sql/retry';
import type { PaymentProvider } from './provider';

/** `reference` is the provider's charge id: a mini-program page pays it with its own API. */
export type DepositPaymentStart = { depositId: number; paymentId: number; reference: string; payUrl: string };

/**
 * Starts paying a session deposit (lotId null) or a lot deposit, while the auction is in
 * preview or live and, for a lot deposit, the lot still open (LOT_NOT_BIDDABLE otherwise;
 * CONFLICT if the deposit is already paid; BIDDING_BLOCKED for a buyer who may not bid).
 * The deposit row stays pending until the provider confirms. The charge expires when the lot or auction is due to end as known now; an open
 * charge is reused until it expires, so a double click never charges twice.
 */
export async function startDepositPayment({
  db,
  provider,
  userId,
  auctionId,
  lotId,
  now,
}: {
  db: Database;
  provider: PaymentProvider;
  userId: number;
  auctionId: number;
  lotId: number | null;
  now: Date;
}): Promise<DepositPaymentStart> {
  // Rerun whole if it loses a deadlock to a provider's notice settling the same charge.
  const prepared = await withRetry(() =>
    db.transaction(async (tx) => {
      const [auctionRow] = await tx
        .select({ depositAmount: auctions.depositAmount, ...auctionMachineColumns })
        .from(auctions)
        .where(eq(auctions.id, auctionId))
        .for('share');
      if (!auctionRow) throw new AppError('NOT_FOUND', 'No such auction');
      // A deposit only buys the right to bid: one a blocked buyer could never use is not taken.
      if (await isBiddingBlocked({ db: tx, userId }))
        throw new AppError('BIDDING_BLOCKED', 'Bidding is blocked for this buyer');
      const auctionContext = auctionContextOf(auctionRow);
      const auctionStatus = effectiveAuctionStatus(auctionRow.status, auctionContext, now);
      if (auctionStatus !== 'preview' && auctionStatus !== 'live')
        throw new AppError('LOT_NOT_BIDDABLE', 'Deposits are taken during preview and live only');
      let amount = auctionRow.depositAmount;
      let expiresAt = nextAuctionTransitionAt('live', auctionContext)!;
      if (lotId !== null) {
        const [row] = await tx
          .select({ depositAmount: lots.depositAmount, ...lotMachineColumns })
          .from(lots)
          .innerJoin(auctions, eq(auctions.id, lots.auctionId))
          .where(and(eq(lots.id, lotId), eq(lots.auctionId, auctionId)));
        if (!row) throw new AppError('NOT_FOUND', 'No such lot in this auction');
        const lotContext = lotContextOf(row);
        const status = effectiveLotStatus(row.status, lotContext, now);
        if (status !== 'preview' && status !== 'live') throw new AppError('LOT_NOT_BIDDABLE', 'This lot is closed');
        amount = row.depositAmount;
        expiresAt = nextLotTransitionAt('live', lotContext)!;
      }
      if (amount <= 0) throw new AppError('WRONG_STATE', 'This auction takes no deposit of this kind');
      await tx
        .insert(deposits)
        .values({ userId, auctionId, lotId, kind: lotId === null ? 'session' : 'lot', amount })
        .onConflictDoNothing();
      const [deposit] = await tx
        .select()
        .from(deposits)
        .where(
          and(
            eq(deposits.userId, userId),
            eq(deposits.auctionId, auctionId),
            lotId === null ? isNull(deposits.lotId) : eq(deposits.lotId, lotId),
          ),
        )
        .for('update');
      if (!deposit) throw new Error('deposit row missing after insert');
      if (deposit.status !== 'pending') throw new AppError('CONFLICT', 'This deposit is already paid');
      const [open] = await tx
        .select()
        .from(payments)
        .where(and(eq(payments.depositId, deposit.id), eq(payments.status, 'pending')));
      if (open && (open.expiresAt === null || open.expiresAt >= now)) return { deposit, payment: open, closed: [] };
      // An expired charge (anti-sniping moved the end past it) can no longer be paid: a new one replaces it.
      const closed = open ? await cancelPendingPayments(tx, { paymentIds: [open.id], now }) : [];
      const [attempts] = await tx
        .select({ n: sql<number>`count(*)::int` })
        .from(payments)
        .where(eq(payments.depositId, deposit.id));
      const [payment] = await tx
        .insert(payments)
        .values({
          userId,
          purpose: 'deposit',
          depositId: deposit.id,
          amount: deposit.amount,
          provider: provider.name,
          idempotencyKey: `deposit:${deposit.id}:${(attempts?.n ?? 0) + 1}`,
          expiresAt,
        })
        .returning();
      return { deposit, payment: payment!, closed };
    }),
  );
  await cancelChargesAtProviders(() => provider, prepared.closed);
  const charge = await provider.createCharge({
    idempotencyKey: prepared.payment.idempotencyKey,
    amount: prepared.payment.amount,
    description: `保证金 #${prepared.deposit.id}`,
    expiresAt: prepared.payment.expiresAt!,
  });
  await db.update(payments).set({ providerRef: charge.reference }).where(eq(payments.id, prepared.payment.id));
  return {
    depositId: prepared.deposit.id,
    paymentId: prepared.payment.id,
    reference: charge.reference,
    payUrl: charge.payUrl,
  };
}
