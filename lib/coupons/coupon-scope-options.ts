import 'server-only';
import { desc, notInArray } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { auctions } from '@/db/schema';

const SCOPE_CHOICES = 100;

/** Auctions a coupon may be limited to in the form: any not cancelled, newest first. */
export async function couponScopeOptions({ db }: { db: Executor }): Promise<{ id: number; title: string }[]> {
  return db
    .select({ id: auctions.id, title: auctions.title })
    .from(auctions)
    .where(notInArray(auctions.status, ['cancelled']))
    .orderBy(desc(auctions.startsAt), desc(auctions.id))
    .limit(SCOPE_CHOICES);
}
