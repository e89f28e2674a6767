'use client';

import { generateReactHelpers } from '@uploadthing/react';
import { useTranslations } from 'next-intl';
import { useId, useRef, useState } from 'react';
import { uploadMediaAction } from '@/actions/uploads';
import { sniffMediaType, UPLOAD_KINDS, uploadRefusal, type UploadKind } from '@/lib/uploads/upload-rules';
import type { UploadRouter } from '@/lib/storage/uploadthing-router';

const { useUploadThing } = generateReactHelpers<UploadRouter>();

export type UploadStore = 'local' | 'uploadthing';

type Sent = { url: string } | { error: string };
type UploadProps = {
  kind: UploadKind;
  store: UploadStore;
  label: string;
  onUploaded: (url: string) => void;
  disabled?: boolean;
};

/**
 * The one upload control, for both stores: UploadThing when the server has a token, else
 * the local store through a server action. The file is checked here first (empty, too large,
 * not an image/video by its first bytes) so the operator hears at once; the server checks
 * again. `onUploaded` receives the stored URL.
 */
export function MediaUpload(props: UploadProps) {
  return props.store === 'uploadthing' ? (
    <UploadThingUpload {...props} />
  ) : (
    <UploadControl {...props} send={sendLocal} />
  );
}

async function sendLocal(kind: UploadKind, file: File): Promise<Sent> {
  const form = new FormData();
  form.set('kind', kind);
  form.set('file', file);
  const result = await uploadMediaAction(form);
  return result.ok ? result.data : { error: result.fieldErrors.file?.[0] ?? result.error };
}

/** Only mounted when UploadThing is configured: its hook talks to /api/uploadthing. */
function UploadThingUpload(props: UploadProps) {
  const { startUpload } = useUploadThing(props.kind);
  const send = async (_kind: UploadKind, file: File): Promise<Sent> => {
    const [done] = (await startUpload([file])) ?? [];
    return done?.serverData?.url ? { url: done.serverData.url } : { error: '' };
  };
  return <UploadControl {...props} send={send} />;
}

function UploadControl({
  kind,
  label,
  onUploaded,
  disabled,
  send,
}: UploadProps & { send: (kind: UploadKind, file: File) => Promise<Sent> }) {
  const t = useTranslations('uploads');
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const rule = UPLOAD_KINDS[kind];

  async function upload(file: File) {
    setError(undefined);
    const refusal = uploadRefusal(kind, file, sniffMediaType(new Uint8Array(await file.slice(0, 16).arrayBuffer())));
    if (refusal) return setError(t(refusal));
    setBusy(true);
    try {
      const sent = await send(kind, file);
      if ('url' in sent) onUploaded(sent.url);
      else setError(sent.error || t('failed'));
    } catch {
      setError(t('failed'));
    } finally {
      setBusy(false);
      if (input.current) input.current.value = '';
    }
  }

  return (
    <div>
      <label
        htmlFor={id}
        className="inline-flex h-10 cursor-pointer items-center gap-2 rounded-lg border border-dashed border-stone-400 bg-white px-3 text-sm font-medium text-stone-700 hover:bg-stone-50 has-[:disabled]:cursor-not-allowed has-[:disabled]:opacity-50"
      >
        {busy && (
          <span className="size-4 animate-spin rounded-full border-2 border-current border-r-transparent" aria-hidden />
        )}
        {busy ? t('uploading') : label}
        <input
          ref={input}
          id={id}
          type="file"
          className="sr-only"
          accept={rule.types.join(',')}
          disabled={disabled || busy}
          onChange={(event) => {
            const file = event.target.files?.[0];
            if (file) void upload(file);
          }}
        />
      </label>
      <p className="mt-1 text-xs text-stone-500">{t(`hint.${kind}`, { max: rule.maxFileSize })}</p>
      {error && (
        <p className="mt-1 text-sm text-red-600" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
