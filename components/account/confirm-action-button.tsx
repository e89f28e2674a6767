'use client';

import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import { FormAlert } from '@/components/auth/form-alert';
import { Button, type ButtonVariant } from '@/components/ui/button';
import type { ActionResult } from '@/lib/actions/safe-action';

/**
 * A button for a one-record action. With `question`, it first asks, in words that say what
 * will happen, and only acts on "yes". The page re-renders from the server afterwards.
 */
export function ConfirmActionButton<A>({
  action,
  arg,
  label,
  question,
  yes,
  no,
  variant = 'secondary',
  className,
}: {
  action: (arg: A) => Promise<ActionResult<unknown>>;
  arg: A;
  label: string;
  question?: string;
  yes?: string;
  no?: string;
  variant?: ButtonVariant;
  className?: string;
}) {
  const router = useRouter();
  const [asking, setAsking] = useState(false);
  const [error, setError] = useState<string>();
  const [pending, startTransition] = useTransition();
  const run = () =>
    startTransition(async () => {
      setError(undefined);
      const result = await action(arg);
      setAsking(false);
      if (!result.ok) setError(result.error);
      router.refresh();
    });
  if (asking && question) {
    return (
      <div className="w-full space-y-2 rounded-lg border border-amber-200 bg-amber-50 p-3" role="alertdialog">
        <p className="text-sm text-amber-900">{question}</p>
        <div className="flex gap-2">
          <Button type="button" className="flex-1" pending={pending} onClick={run}>
            {yes ?? label}
          </Button>
          <Button type="button" variant="secondary" className="flex-1" onClick={() => setAsking(false)}>
            {no}
          </Button>
        </div>
      </div>
    );
  }
  return (
    <div className={className}>
      <Button
        type="button"
        variant={variant}
        pending={pending}
        className="w-full"
        onClick={() => (question ? setAsking(true) : run())}
      >
        {label}
      </Button>
      {error && (
        <div className="mt-2">
          <FormAlert message={error} />
        </div>
      )}
    </div>
  );
}
