import 'server-only';
import { forbidden, redirect } from 'next/navigation';
import { currentUser, type CurrentUser } from './current-user';

/**
 * For admin pages and their layout: anonymous visitors go to sign-in, buyers get a 403.
 * Layouts and pages render in parallel, so each admin page calls this itself too.
 */
export async function guardAdminPage(): Promise<CurrentUser> {
  const user = await currentUser();
  if (!user) redirect('/login?callbackUrl=/admin');
  if (user.role !== 'admin') forbidden();
  return user;
}
