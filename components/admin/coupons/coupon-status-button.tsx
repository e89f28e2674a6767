'use client';

import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { setCouponStatusAction } from '@/actions/admin-coupons';
import { FormAlert } from '@/components/auth/form-alert';
import { ConfirmButton } from '@/components/ui/confirm-button';

/** Disable a coupon (saying how many wallets hold an unused one) or enable it again. */
export function CouponStatusButton({
  couponId,
  status,
  unusedHeld,
}: {
  couponId: number;
  status: 'active' | 'disabled';
  unusedHeld: number;
}) {
  const t = useTranslations('adminCoupons');
  const router = useRouter();
  const [error, setError] = useState<string>();
  const next = status === 'active' ? 'disabled' : 'active';
  return (
    <div className="space-y-2">
      <ConfirmButton
        label={next === 'disabled' ? t('disable') : t('enable')}
        question={next === 'disabled' ? t('disableQuestion', { count: unusedHeld }) : t('enableQuestion')}
        confirmLabel={next === 'disabled' ? t('disableConfirm') : t('enableConfirm')}
        testId="coupon-status-toggle"
        onConfirm={async () => {
          const result = await setCouponStatusAction({ couponId, status: next });
          setError(result.ok ? undefined : result.error);
          router.refresh();
        }}
      />
      <FormAlert message={error} />
    </div>
  );
}
