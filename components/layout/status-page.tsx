import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { buttonClass } from '@/components/ui/button';
import { cn } from '@/components/ui/cn';
import { Logo } from './logo';

/** A whole-page answer such as 404 or 403: what happened, and the way back home. */
export async function StatusPage({
  code,
  title,
  body,
  codeClassName,
}: {
  code: number;
  title: string;
  body: string;
  codeClassName: string;
}) {
  const common = await getTranslations('common');
  return (
    <main className="flex min-h-dvh flex-col items-center justify-center gap-6 px-6 text-center">
      <Logo />
      <p className={cn('font-serif text-6xl font-bold', codeClassName)}>{code}</p>
      <div>
        <h1 className="text-xl font-semibold text-stone-900">{title}</h1>
        <p className="mt-2 max-w-sm text-sm text-stone-500">{body}</p>
      </div>
      <Link href="/" className={buttonClass('primary')}>
        {common('backHome')}
      </Link>
    </main>
  );
}
