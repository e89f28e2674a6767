'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { updateProfileAction } from '@/actions/profile';
import { applyFieldErrors } from '@/components/auth/apply-action-errors';
import { FormAlert } from '@/components/auth/form-alert';
import { FormField } from '@/components/auth/form-field';
import { Button } from '@/components/ui/button';
import { updateProfileSchema, type UpdateProfileInput } from '@/lib/users/profile-schema';

export function ProfileForm({ name }: { name: string }) {
  const t = useTranslations('account');
  const router = useRouter();
  const [formError, setFormError] = useState<string>();
  const [saved, setSaved] = useState(false);
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors, isSubmitting },
  } = useForm<UpdateProfileInput>({ resolver: zodResolver(updateProfileSchema), defaultValues: { name } });
  const onSubmit = handleSubmit(async (values) => {
    setFormError(undefined);
    setSaved(false);
    const result = await updateProfileAction(values);
    if (result.ok) {
      setSaved(true);
      return router.refresh();
    }
    applyFieldErrors(setError, result.fieldErrors);
    setFormError(result.error);
  });
  return (
    <form onSubmit={onSubmit} className="space-y-3" noValidate>
      <FormAlert message={formError} />
      <FormField
        label={t('name')}
        maxLength={30}
        autoComplete="nickname"
        error={errors.name?.message}
        {...register('name')}
      />
      <div className="flex items-center gap-3">
        <Button type="submit" pending={isSubmitting}>
          {t('save')}
        </Button>
        {saved && (
          <span role="status" className="text-sm text-brand-700">
            {t('saved')}
          </span>
        )}
      </div>
    </form>
  );
}
