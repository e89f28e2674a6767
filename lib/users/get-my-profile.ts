import 'server-only';
import { eq } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { users } from '@/db/schema';

/** What the account page shows of the signed-in user: never the password hash. */
export async function getMyProfile({ db, userId }: { db: Executor; userId: number }) {
  const [profile] = await db
    .select({ name: users.name, phone: users.phone, email: users.email, strikes: users.strikes })
    .from(users)
    .where(eq(users.id, userId));
  return profile ?? null;
}
