'use client';

import { useTranslations } from 'next-intl';
import { MediaUpload, type UploadStore } from './media-upload';

/** Several images in order: upload to append, remove any; `value` is their URLs. */
export function ImageGalleryField({
  store,
  label,
  value,
  onChange,
  max,
  disabled,
}: {
  store: UploadStore;
  label: string;
  value: string[];
  onChange: (urls: string[]) => void;
  max: number;
  disabled?: boolean;
}) {
  const t = useTranslations('uploads');
  return (
    <div>
      <p className="mb-1.5 text-sm font-medium text-stone-700">{label}</p>
      <ul className="mb-2 flex flex-wrap gap-3" data-testid="gallery">
        {value.map((url, index) => (
          <li key={url} className="relative">
            {/* eslint-disable-next-line @next/next/no-img-element -- uploads are served as they are */}
            <img src={url} alt="" className="size-20 rounded-lg border border-stone-200 object-cover" />
            {!disabled && (
              <button
                type="button"
                className="absolute -right-2 -top-2 size-6 rounded-full bg-white text-xs text-red-700 shadow ring-1 ring-stone-200"
                onClick={() => onChange(value.filter((_, i) => i !== index))}
                aria-label={t('remove')}
              >
                ✕
              </button>
            )}
          </li>
        ))}
      </ul>
      {value.length < max && (
        <MediaUpload
          kind="image"
          store={store}
          label={t('addImage')}
          disabled={disabled}
          onUploaded={(url) => onChange([...value, url])}
        />
      )}
    </div>
  );
}
