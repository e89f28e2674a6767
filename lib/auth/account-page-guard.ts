import 'server-only';
import { forbidden, redirect } from 'next/navigation';
import { currentUser, type CurrentUser } from './current-user';

/**
 * For the buyer's own pages (/me/…, the coupon centre): anonymous visitors go to sign-in and
 * come back to `path`; an admin has no buyer account, so gets a 403.
 */
export async function guardAccountPage(path: string): Promise<CurrentUser> {
  const user = await currentUser();
  if (!user) redirect(`/login?callbackUrl=${encodeURIComponent(path)}`);
  if (user.role !== 'buyer') forbidden();
  return user;
}
