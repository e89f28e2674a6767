import 'server-only';
import { eq } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { users } from '@/db/schema';
import type { UpdateProfileInput } from './profile-schema';

/** The signed-in user changes their own display name; nothing else of the account is touched. */
export async function updateProfile({
  db,
  userId,
  input,
  now,
}: {
  db: Database;
  userId: number;
  input: UpdateProfileInput;
  now: Date;
}): Promise<{ name: string }> {
  const [updated] = await db
    .update(users)
    .set({ name: input.name, updatedAt: now })
    .where(eq(users.id, userId))
    .returning({ name: users.name });
  return updated!;
}
