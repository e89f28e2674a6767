'use client';

import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useState, useTransition } from 'react';
import { retryRefundAction } from '@/actions/admin-refunds';
import { FormAlert } from '@/components/auth/form-alert';
import { Button } from '@/components/ui/button';

/** 重试: puts the refund back in the queue; a second click finds it queued and changes nothing. */
export function RetryRefundButton({ refundId }: { refundId: number }) {
  const t = useTranslations('adminRefunds');
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [message, setMessage] = useState<string>();
  const retry = () =>
    startTransition(async () => {
      setMessage(undefined);
      const result = await retryRefundAction({ refundId });
      if (!result.ok) return setMessage(result.error);
      router.refresh();
    });
  return (
    <div className="space-y-1">
      <FormAlert message={message} />
      <Button type="button" variant="secondary" className="h-9" pending={pending} onClick={retry}>
        {t('retry')}
      </Button>
    </div>
  );
}
