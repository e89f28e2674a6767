import 'server-only';
import { eq } from 'drizzle-orm';
import { cache } from 'react';
import { db } from '@/db';
import { users, type UserRole } from '@/db/schema';
import { auth } from './index';

export type CurrentUser = { id: number; name: string; role: UserRole };

/**
 * The signed-in user as the database knows them now, so a blocked account or a changed role
 * takes effect at once rather than when the session token expires. Once per request.
 */
export const currentUser = cache(async (): Promise<CurrentUser | null> => {
  const session = await auth();
  const id = Number(session?.user?.id);
  if (!Number.isSafeInteger(id) || id <= 0) return null;
  const [user] = await db()
    .select({ id: users.id, name: users.name, role: users.role, blocked: users.blocked })
    .from(users)
    .where(eq(users.id, id))
    .limit(1);
  if (!user || user.blocked) return null;
  return { id: user.id, name: user.name, role: user.role };
});
