import 'server-only';
import { randomUUID } from 'node:crypto';
import { AppError } from '@/lib/errors';
import { EXTENSION_OF, sniffMediaType, uploadRefusal, type UploadKind } from '@/lib/uploads/upload-rules';
import { saveUpload } from './local-uploads';

/**
 * An operator's file into the local store (no UPLOADTHING_TOKEN): judged by its size and its
 * first bytes, not its name or declared type, before anything is written, so a refused file
 * leaves nothing behind. Stored under a fresh name with the extension its content proves.
 */
export async function saveMediaUpload({ kind, file }: { kind: UploadKind; file: File }): Promise<{ url: string }> {
  const head = new Uint8Array(await file.slice(0, 16).arrayBuffer());
  const sniffed = sniffMediaType(head);
  const refusal = uploadRefusal(kind, file, sniffed);
  if (refusal)
    throw new AppError('VALIDATION', `Upload refused: ${refusal}`, { fieldErrors: { file: [`uploads.${refusal}`] } });
  const url = await saveUpload(
    `media/${randomUUID()}.${EXTENSION_OF[sniffed!]}`,
    Buffer.from(await file.arrayBuffer()),
  );
  return { url };
}
