import { SiteHeader } from '@/components/layout/site-header';
import { currentUser } from '@/lib/auth/current-user';

export default async function BuyerLayout({ children }: { children: React.ReactNode }) {
  const user = await currentUser();
  return (
    <>
      <SiteHeader user={user} />
      <main className="mx-auto max-w-5xl px-4 pb-16 pt-6">{children}</main>
    </>
  );
}
