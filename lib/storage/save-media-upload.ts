import 'server-only';
import { randomUUID } from 'node:crypto';
import { AppError } from '@/lib/errors';
import { EXTENSION_OF, sniffMediaType, uploadRefusal, type UploadKind } from '@/lib/uploads/upload-rules';
import { saveUpload } from './local-uploads';

/** The folder under uploads/ that operators' files go to; the orphan sweep looks only here. */
export const MEDIA_FOLDER = 'media';

/**
 * An operator's file into the local store (no UPLOADTHING_TOKEN): judged by its size and its
 * first bytes, not its name or declared type, before anything is written, so a refused file
 * leaves nothing behind. Stored under a fresh name with the extension its content proves.
 */
export async function saveMediaUpload({
  kind,
  content,
}: {
  kind: UploadKind;
  content: Buffer;
}): Promise<{ url: string }> {
  const sniffed = sniffMediaType(content.subarray(0, 16));
  const refusal = uploadRefusal(kind, { size: content.byteLength }, sniffed);
  if (refusal)
    throw new AppError('VALIDATION', `Upload refused: ${refusal}`, { fieldErrors: { file: [`uploads.${refusal}`] } });
  const url = await saveUpload(`${MEDIA_FOLDER}/${randomUUID()}.${EXTENSION_OF[sniffed!]}`, content);
  return { url };
}
