import Link from 'next/link';

/** The heading of an account page, with the way back up. */
export function AccountPageTitle({
  title,
  back,
  backHref = '/me',
}: {
  title: string;
  back: string;
  backHref?: string;
}) {
  return (
    <header className="mb-4 space-y-1">
      <Link href={backHref} className="inline-flex min-h-11 items-center text-sm text-brand-700">
        ‹ {back}
      </Link>
      <h1 className="font-serif text-xl font-bold text-stone-900">{title}</h1>
    </header>
  );
}
