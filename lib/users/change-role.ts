import 'server-only';
import { and, asc, eq, ne } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { users, type UserRole } from '@/db/schema';
import { recordAdminAudit } from '@/lib/admin/audit';
import { AppError } from '@/lib/errors';

/**
 * An operator makes a user an admin or a buyer. Nobody demotes themself, and the back office
 * keeps at least one admin: every admin row is locked first and the acting admin must still
 * be one of them, so two admins demoting each other at once leave one (the later is refused).
 */
export async function changeRole({
  db,
  now,
  adminId,
  ip,
  userId,
  role,
}: {
  db: Database;
  now: Date;
  adminId: number;
  ip: string | null;
  userId: number;
  role: UserRole;
}): Promise<{ changed: boolean }> {
  if (userId === adminId)
    throw new AppError('WRONG_STATE', 'An admin cannot change their own role', {
      fieldErrors: { role: ['adminUsers.notYourself'] },
    });
  return db.transaction(async (tx) => {
    const admins = await tx
      .select({ id: users.id })
      .from(users)
      .where(and(eq(users.role, 'admin'), eq(users.blocked, false)))
      .orderBy(asc(users.id))
      .for('update');
    if (!admins.some((admin) => admin.id === adminId)) throw new AppError('FORBIDDEN', 'No longer an admin');
    const [target] = await tx
      .select({ id: users.id, role: users.role })
      .from(users)
      .where(eq(users.id, userId))
      .for('update');
    if (!target) throw new AppError('NOT_FOUND', 'No such user');
    if (target.role === role) return { changed: false };
    if (role === 'buyer' && admins.filter((admin) => admin.id !== userId).length === 0)
      throw new AppError('WRONG_STATE', 'The last admin stays', { fieldErrors: { role: ['adminUsers.lastAdmin'] } });
    await tx
      .update(users)
      .set({ role, updatedAt: now })
      .where(and(eq(users.id, userId), ne(users.role, role)));
    await recordAdminAudit(tx, {
      adminId,
      action: 'user.role',
      entity: 'user',
      entityId: userId,
      before: { role: target.role },
      after: { role },
      ip,
      at: now,
    });
    return { changed: true };
  });
}
