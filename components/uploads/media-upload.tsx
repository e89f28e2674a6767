'use client';

import { generateReactHelpers } from '@uploadthing/react';
import { useTranslations } from 'next-intl';
import { useId, useRef, useState } from 'react';
import { sniffMediaType, UPLOAD_KINDS, uploadRefusal, type UploadKind } from '@/lib/uploads/upload-rules';
import type { UploadRouter } from '@/lib/storage/uploadthing-router';

const { useUploadThing } = generateReactHelpers<UploadRouter>();

export type UploadStore = 'local' | 'uploadthing';

/** The stored URL, or why not: a key under `uploads`. */
type Sent = { url: string } | { refusal: string };
type Send = (kind: UploadKind, file: File, onProgress: (percent: number) => void) => Promise<Sent>;
type UploadProps = {
  kind: UploadKind;
  store: UploadStore;
  label: string;
  onUploaded: (url: string) => void;
  disabled?: boolean;
};

/**
 * The one upload control, for both stores: UploadThing when the server has a token, else
 * the local store through POST /api/admin/uploads. The file is checked here first (empty, too large,
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

/** Why the local store refused, as a key under `uploads`: 413 is its size cap, 400 names the reason. */
function localRefusal(status: number, body: unknown): string {
  if (status === 413) return 'tooLarge';
  const key = (body as { fieldErrors?: { file?: string[] } } | null)?.fieldErrors?.file?.[0];
  return key?.startsWith('uploads.') ? key.slice('uploads.'.length) : 'failed';
}

/**
 * The local store: the file's bytes as the body of POST /api/admin/uploads, its kind in a
 * header (admins only, capped per kind). XMLHttpRequest rather than fetch because only it reports upload progress.
 */
function sendLocal(kind: UploadKind, file: File, onProgress: (percent: number) => void): Promise<Sent> {
  return new Promise((resolve, reject) => {
    const request = new XMLHttpRequest();
    request.open('POST', '/api/admin/uploads');
    request.setRequestHeader('x-upload-kind', kind);
    request.responseType = 'json';
    request.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress(Math.round((event.loaded / event.total) * 100));
    };
    request.onload = () => {
      const body = request.response as { url?: string } | null;
      if (request.status === 200 && body?.url) resolve({ url: body.url });
      else resolve({ refusal: localRefusal(request.status, body) });
    };
    request.onerror = () => reject(new Error('upload failed'));
    request.send(file);
  });
}

/** Only mounted when UploadThing is configured: its hook talks to /api/uploadthing. */
function UploadThingUpload(props: UploadProps) {
  const { startUpload } = useUploadThing(props.kind);
  const send: Send = async (_kind, file) => {
    const [done] = (await startUpload([file])) ?? [];
    return done?.serverData?.url ? { url: done.serverData.url } : { refusal: 'failed' };
  };
  return <UploadControl {...props} send={send} />;
}

function UploadControl({ kind, label, onUploaded, disabled, send }: UploadProps & { send: Send }) {
  const t = useTranslations('uploads');
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);
  const [progress, setProgress] = useState<number>();
  const [error, setError] = useState<string>();
  const rule = UPLOAD_KINDS[kind];

  async function upload(file: File) {
    setError(undefined);
    const refusal = uploadRefusal(kind, file, sniffMediaType(new Uint8Array(await file.slice(0, 16).arrayBuffer())));
    if (refusal) return setError(t(refusal));
    setBusy(true);
    try {
      const sent = await send(kind, file, setProgress);
      if ('url' in sent) onUploaded(sent.url);
      else setError(t.has(sent.refusal) ? t(sent.refusal) : t('failed'));
    } catch {
      setError(t('failed'));
    } finally {
      setBusy(false);
      setProgress(undefined);
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
        {busy ? `${t('uploading')}${progress === undefined ? '' : ` ${progress}%`}` : label}
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
