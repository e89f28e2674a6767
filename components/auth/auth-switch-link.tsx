import Link from 'next/link';

/** "No account yet? Sign up" under a form: the way to the other auth page. */
export function AuthSwitchLink({ question, href, label }: { question: string; href: string; label: string }) {
  return (
    <p className="text-center text-sm text-stone-500">
      {question}{' '}
      <Link href={href} className="font-medium text-brand-700 hover:underline">
        {label}
      </Link>
    </p>
  );
}
