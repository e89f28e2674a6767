import fs from 'node:fs/promises';
import path from 'node:path';
import { env } from '@/lib/env';

/** Files stored on local disk (no UPLOADTHING_TOKEN) live here and are served under /uploads/. */
export function uploadsDir(): string {
  return path.resolve(env().GAVEL_DATA_DIR, 'uploads');
}

const SAFE_SEGMENT = /^[a-zA-Z0-9][a-zA-Z0-9._-]*$/;

/** Maps a URL path under /uploads/ to a file inside the uploads folder, or null if it escapes. */
export function resolveUploadPath(segments: string[]): string | null {
  if (segments.length === 0 || !segments.every((segment) => SAFE_SEGMENT.test(segment))) return null;
  return path.join(uploadsDir(), ...segments);
}

/** Writes a file and returns its public URL. */
export async function saveUpload(relativePath: string, content: string | Buffer): Promise<string> {
  const segments = relativePath.split('/');
  const file = resolveUploadPath(segments);
  if (!file) throw new Error(`Unsafe upload path: ${relativePath}`);
  await fs.mkdir(path.dirname(file), { recursive: true });
  await fs.writeFile(file, content);
  return `/uploads/${segments.join('/')}`;
}
