'use client';

import { useTranslations } from 'next-intl';
import type { UploadKind } from '@/lib/uploads/upload-rules';
import { MediaUpload, type UploadStore } from './media-upload';

/** One picture or video with its upload control and a remove button; `value` is its URL. */
export function MediaField({
  kind,
  store,
  label,
  value,
  onChange,
  disabled,
  error,
}: {
  kind: UploadKind;
  store: UploadStore;
  label: string;
  value: string | null | undefined;
  onChange: (url: string | null) => void;
  disabled?: boolean;
  error?: string;
}) {
  const t = useTranslations();
  return (
    <div>
      <p className="mb-1.5 text-sm font-medium text-stone-700">{label}</p>
      <div className="flex flex-wrap items-start gap-3">
        {value &&
          (kind === 'image' ? (
            // eslint-disable-next-line @next/next/no-img-element -- uploads are served as they are, local or CDN
            <img src={value} alt="" className="size-24 rounded-lg border border-stone-200 object-cover" />
          ) : (
            <video src={value} className="h-24 rounded-lg border border-stone-200" controls preload="metadata" />
          ))}
        <div className="space-y-2">
          <MediaUpload
            kind={kind}
            store={store}
            label={value ? t('uploads.replace') : t('uploads.choose')}
            onUploaded={onChange}
            disabled={disabled}
          />
          {value && !disabled && (
            <button type="button" className="text-sm text-red-700 hover:underline" onClick={() => onChange(null)}>
              {t('uploads.remove')}
            </button>
          )}
        </div>
      </div>
      {error && (
        <p className="mt-1.5 text-sm text-red-600" role="alert">
          {t.has(error) ? t(error) : error}
        </p>
      )}
    </div>
  );
}
