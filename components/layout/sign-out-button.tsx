import { useTranslations } from 'next-intl';
import { signOutAction } from '@/actions/sign-out';
import { cn } from '@/components/ui/cn';

export function SignOutButton({ className }: { className?: string }) {
  const t = useTranslations('common');
  return (
    <form action={signOutAction}>
      <button type="submit" className={cn('text-sm text-stone-600 hover:text-stone-900', className)}>
        {t('signOut')}
      </button>
    </form>
  );
}
