import 'server-only';
import { forbidden, redirect } from 'next/navigation';
import { currentUser, type CurrentUser } from './current-user';

/**
 * For a buyer's own pages (我的 /me/…, the coupon centre): anonymous visitors (and blocked ones, who count as signed
 * out) go to sign-in and come back to `path`; an admin, who has no buyer records, gets a 403.
 */
export async function guardBuyerPage(path: string): Promise<CurrentUser> {
  const user = await currentUser();
  if (!user) redirect(`/login?callbackUrl=${encodeURIComponent(path)}`);
  if (user.role !== 'buyer') forbidden();
  return user;
}
