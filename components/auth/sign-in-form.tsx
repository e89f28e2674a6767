'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { signInAction } from '@/actions/auth';
import { Button } from '@/components/ui/button';
import { signInSchema, type SignInInput } from '@/lib/users/sign-up-schema';
import { applyFieldErrors } from './apply-action-errors';
import { AuthSwitchLink } from './auth-switch-link';
import { FormAlert } from './form-alert';
import { FormField } from './form-field';

export function SignInForm({ callbackUrl }: { callbackUrl?: string }) {
  const t = useTranslations('auth');
  const [formError, setFormError] = useState<string>();
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors, isSubmitting },
  } = useForm<SignInInput>({
    resolver: zodResolver(signInSchema),
    defaultValues: { identifier: '', password: '', callbackUrl },
  });

  const onSubmit = handleSubmit(async (values) => {
    setFormError(undefined);
    const result = await signInAction(values);
    if (result.ok) return;
    applyFieldErrors(setError, result.fieldErrors);
    setFormError(
      result.code === 'RATE_LIMITED'
        ? t('rateLimited', { minutes: Math.ceil((result.retryAfterSeconds ?? 900) / 60) })
        : result.code === 'INVALID_CREDENTIALS'
          ? t('invalidCredentials')
          : result.error,
    );
  });

  return (
    <form onSubmit={onSubmit} className="space-y-4" noValidate>
      <FormAlert message={formError} />
      <FormField
        label={t('identifier')}
        placeholder={t('identifierPlaceholder')}
        autoComplete="username"
        error={errors.identifier?.message}
        {...register('identifier')}
      />
      <FormField
        label={t('password')}
        type="password"
        autoComplete="current-password"
        error={errors.password?.message}
        {...register('password')}
      />
      <Button type="submit" className="w-full" pending={isSubmitting}>
        {t('submitSignIn')}
      </Button>
      <AuthSwitchLink question={t('noAccount')} href="/signup" label={t('submitSignUp')} />
    </form>
  );
}
