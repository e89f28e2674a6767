import type { UserRole } from '@/db/schema';
import { AppError } from '@/lib/errors';
import type { CurrentUser } from './current-user';

/** Throws UNAUTHENTICATED or FORBIDDEN unless `user` is signed in with `role`. */
export function assertRole(user: CurrentUser | null, role: UserRole): CurrentUser {
  if (!user) throw new AppError('UNAUTHENTICATED', 'Sign in first');
  if (user.role !== role) throw new AppError('FORBIDDEN', `Only for ${role}s`);
  return user;
}
