import { SiteHeader } from '@/components/layout/site-header';
import { db } from '@/db';
import { currentUser } from '@/lib/auth/current-user';
import { countUnread } from '@/lib/notifications/count-unread';

export default async function BuyerLayout({ children }: { children: React.ReactNode }) {
  const user = await currentUser();
  const unread = user?.role === 'buyer' ? await countUnread({ db: db(), userId: user.id }) : 0;
  return (
    <>
      <SiteHeader user={user} unread={unread} />
      <main className="mx-auto max-w-5xl px-4 pb-[calc(4rem+env(safe-area-inset-bottom))] pt-6">{children}</main>
    </>
  );
}
