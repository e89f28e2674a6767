'use server';

import type { z } from 'zod';
import { adminAction, type ActionContext } from '@/lib/actions/safe-action';
import {
  auctionFormSchema,
  auctionIdSchema,
  extendAuctionEndSchema,
  updateAuctionSchema,
  type AuctionFormInput,
  type ExtendAuctionEndInput,
  type UpdateAuctionInput,
} from '@/lib/auctions/auction-form-schema';
import { cancelAuction } from '@/lib/auctions/cancel-auction';
import { createAuction } from '@/lib/auctions/create-auction';
import { extendAuctionEnd } from '@/lib/auctions/extend-auction-end';
import { publishAuction } from '@/lib/auctions/publish-auction';
import { relistAuction } from '@/lib/auctions/relist-auction';
import { relistAuctionSchema, type RelistAuctionInput } from '@/lib/auctions/relist-schema';
import { updateAuction } from '@/lib/auctions/update-auction';
import { env } from '@/lib/env';
import { engineRules } from '@/lib/server/engine';

/**
 * The auction forms read times on APP_TIME_ZONE's wall clock, so their schemas are built per
 * call from the environment (never at import, which also runs at build time).
 */
function inAppTimeZone<S extends z.ZodType, T>(
  schemaOf: (timeZone: string) => S,
  handler: (input: z.output<S>, ctx: ActionContext<'admin'>) => Promise<T>,
) {
  return (raw: z.input<S> | FormData) => adminAction(schemaOf(env().APP_TIME_ZONE), handler)(raw);
}

const operator = ({ user, ip }: ActionContext<'admin'>) => ({ adminId: user.id, ip });

export async function createAuctionAction(raw: AuctionFormInput | FormData) {
  return inAppTimeZone(auctionFormSchema, (input, ctx) =>
    createAuction({ db: ctx.db, now: ctx.now, ...operator(ctx), input }),
  )(raw);
}

export async function updateAuctionAction(raw: UpdateAuctionInput | FormData) {
  return inAppTimeZone(updateAuctionSchema, (input, ctx) =>
    updateAuction({ db: ctx.db, now: ctx.now, ...operator(ctx), input }),
  )(raw);
}

export async function extendAuctionEndAction(raw: ExtendAuctionEndInput | FormData) {
  return inAppTimeZone(extendAuctionEndSchema, (input, ctx) =>
    extendAuctionEnd({ db: ctx.db, now: ctx.now, ...operator(ctx), ...input }),
  )(raw);
}

export async function relistAuctionAction(raw: RelistAuctionInput | FormData) {
  return inAppTimeZone(relistAuctionSchema, (input, ctx) =>
    relistAuction({ db: ctx.db, now: ctx.now, ...operator(ctx), rules: engineRules(), input }),
  )(raw);
}

/** Publish: needs at least one lot and its preview still ahead (the auction machine decides). */
export const publishAuctionAction = adminAction(auctionIdSchema, async ({ auctionId }, ctx) => ({
  status: await publishAuction({ db: ctx.db, auctionId, now: ctx.now, actorId: ctx.user.id, audit: operator(ctx) }),
}));

/** Cancel before live: every deposit held for it is refunded in full. */
export const cancelAuctionAction = adminAction(auctionIdSchema, async ({ auctionId }, ctx) => ({
  status: await cancelAuction({ db: ctx.db, auctionId, now: ctx.now, actorId: ctx.user.id, audit: operator(ctx) }),
}));
