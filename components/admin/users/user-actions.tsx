'use client';

import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { changeRoleAction, liftStrikesAction, setBiddingBlockAction } from '@/actions/admin-users';
import { FormAlert } from '@/components/auth/form-alert';
import type { ActionResult } from '@/lib/actions/safe-action';
import type { AdminUserRow } from '@/lib/users/list-users';
import { ConfirmButton } from '@/components/ui/confirm-button';

/** What an operator may do to one user; each asks first and says what will change. */
export function UserActions({ user, self }: { user: AdminUserRow; self: boolean }) {
  const t = useTranslations('adminUsers');
  const router = useRouter();
  const [error, setError] = useState<string>();
  const run = (action: () => Promise<ActionResult<unknown>>) => async () => {
    const result = await action();
    setError(result.ok ? undefined : result.error);
    router.refresh();
  };
  const blocked = user.biddingBlockedAt !== null;
  const nextRole = user.role === 'admin' ? 'buyer' : 'admin';
  return (
    <div className="flex flex-wrap items-start gap-2" data-testid={`user-actions-${user.id}`}>
      {user.role === 'buyer' && (
        <ConfirmButton
          label={blocked ? t('unblock') : t('block')}
          question={
            blocked
              ? t('unblockQuestion', { name: user.name, strikes: user.strikes })
              : t('blockQuestion', { name: user.name })
          }
          confirmLabel={blocked ? t('unblockConfirm') : t('blockConfirm')}
          testId={blocked ? 'unblock-bidding' : 'block-bidding'}
          onConfirm={run(() => setBiddingBlockAction({ userId: user.id, blocked: !blocked }))}
        />
      )}
      {user.role === 'buyer' && (user.strikes > 0 || blocked) && (
        <ConfirmButton
          label={t('liftStrikes')}
          question={t('liftQuestion', { name: user.name, strikes: user.strikes })}
          confirmLabel={t('liftConfirm')}
          testId="lift-strikes"
          onConfirm={run(() => liftStrikesAction({ userId: user.id }))}
        />
      )}
      {!self && (
        <ConfirmButton
          variant="ghost"
          label={nextRole === 'admin' ? t('makeAdmin') : t('makeBuyer')}
          question={
            nextRole === 'admin'
              ? t('makeAdminQuestion', { name: user.name })
              : t('makeBuyerQuestion', { name: user.name })
          }
          confirmLabel={t('roleConfirm')}
          testId="change-role"
          onConfirm={run(() => changeRoleAction({ userId: user.id, role: nextRole }))}
        />
      )}
      <div className="basis-full empty:hidden">
        <FormAlert message={error} />
      </div>
    </div>
  );
}
