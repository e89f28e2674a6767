'use client';

import { useTranslations } from 'next-intl';

/** An error under a group of fields; `message` is a message key or a translated text. */
export function FieldMessage({ message }: { message?: string }) {
  const t = useTranslations();
  if (!message) return null;
  return (
    <p className="text-sm text-red-600" role="alert">
      {t.has(message) ? t(message) : message}
    </p>
  );
}
