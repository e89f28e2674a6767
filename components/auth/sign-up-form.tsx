'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { signUpAction } from '@/actions/auth';
import { Button } from '@/components/ui/button';
import { signUpSchema, type SignUpData, type SignUpInput } from '@/lib/users/sign-up-schema';
import { applyFieldErrors } from './apply-action-errors';
import { AuthSwitchLink } from './auth-switch-link';
import { FormAlert } from './form-alert';
import { FormField } from './form-field';

export function SignUpForm() {
  const t = useTranslations('auth');
  const [formError, setFormError] = useState<string>();
  const {
    register,
    handleSubmit,
    getValues,
    setError,
    formState: { errors, isSubmitting },
  } = useForm<SignUpInput, unknown, SignUpData>({
    resolver: zodResolver(signUpSchema),
    defaultValues: { name: '', phone: '', email: '', password: '', confirmPassword: '' },
  });

  // The server parses the raw input with the same schema, so send what was typed.
  const onSubmit = handleSubmit(async () => {
    setFormError(undefined);
    const result = await signUpAction(getValues());
    if (result.ok) return;
    applyFieldErrors(setError, result.fieldErrors);
    setFormError(result.error);
  });

  return (
    <form onSubmit={onSubmit} className="space-y-4" noValidate>
      <FormAlert message={formError} />
      <FormField label={t('name')} autoComplete="nickname" error={errors.name?.message} {...register('name')} />
      <FormField
        label={t('phone')}
        type="tel"
        inputMode="tel"
        autoComplete="tel"
        error={errors.phone?.message}
        {...register('phone')}
      />
      <FormField
        label={t('email')}
        type="email"
        autoComplete="email"
        error={errors.email?.message}
        {...register('email')}
      />
      <FormField
        label={t('password')}
        type="password"
        autoComplete="new-password"
        error={errors.password?.message}
        {...register('password')}
      />
      <FormField
        label={t('confirmPassword')}
        type="password"
        autoComplete="new-password"
        error={errors.confirmPassword?.message}
        {...register('confirmPassword')}
      />
      <Button type="submit" className="w-full" pending={isSubmitting}>
        {t('submitSignUp')}
      </Button>
      <AuthSwitchLink question={t('haveAccount')} href="/login" label={t('submitSignIn')} />
    </form>
  );
}
