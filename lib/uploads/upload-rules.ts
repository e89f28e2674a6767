import { z } from 'zod';

/**
 * What may be uploaded, shared by the upload component, the local-store route and the
 * UploadThing router: images ≤ 4 MB, one preview video ≤ 32 MB. UploadThing states sizes as
 * powers of two (`maxFileSize`), so both stores use the same ones. Client-safe.
 */
export const UPLOAD_KINDS = {
  image: {
    maxBytes: 4 * 1024 * 1024,
    maxFileSize: '4MB',
    types: ['image/jpeg', 'image/png', 'image/webp', 'image/gif'],
  },
  video: { maxBytes: 32 * 1024 * 1024, maxFileSize: '32MB', types: ['video/mp4', 'video/webm'] },
} as const;

export type UploadKind = keyof typeof UPLOAD_KINDS;

export const EXTENSION_OF: Record<string, string> = {
  'image/jpeg': 'jpg',
  'image/png': 'png',
  'image/webp': 'webp',
  'image/gif': 'gif',
  'video/mp4': 'mp4',
  'video/webm': 'webm',
};

const startsWith = (bytes: Uint8Array, signature: number[], offset = 0) =>
  signature.every((byte, index) => bytes[offset + index] === byte);
const ascii = (text: string) => [...text].map((char) => char.charCodeAt(0));

/**
 * Major brands (bytes 8–11 of an ISO-BMFF file) that are MP4 video. 'ftyp' alone would also
 * admit HEIC/AVIF images, QuickTime ('qt  '), 3GP and M4A audio.
 */
const MP4_BRANDS = ['isom', 'iso2', 'iso5', 'iso6', 'mp41', 'mp42', 'avc1', 'M4V ', 'dash'];

/**
 * The media type a file's first bytes prove, whatever its name or declared type says; null
 * when they prove none we accept. Reads at most the first 16 bytes.
 */
export function sniffMediaType(bytes: Uint8Array): string | null {
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  if (startsWith(bytes, ascii('GIF87a')) || startsWith(bytes, ascii('GIF89a'))) return 'image/gif';
  if (startsWith(bytes, ascii('RIFF')) && startsWith(bytes, ascii('WEBP'), 8)) return 'image/webp';
  if (startsWith(bytes, ascii('ftyp'), 4) && MP4_BRANDS.some((brand) => startsWith(bytes, ascii(brand), 8)))
    return 'video/mp4';
  if (startsWith(bytes, [0x1a, 0x45, 0xdf, 0xa3])) return 'video/webm';
  return null;
}

/** Why a file is refused before any byte of it is stored: a message key under `uploads`. */
export function uploadRefusal(
  kind: UploadKind,
  file: { size: number },
  sniffed: string | null,
): 'empty' | 'tooLarge' | 'wrongType' | null {
  const rule = UPLOAD_KINDS[kind];
  if (file.size === 0) return 'empty';
  if (file.size > rule.maxBytes) return 'tooLarge';
  if (!sniffed || !(rule.types as readonly string[]).includes(sniffed)) return 'wrongType';
  return null;
}

// Our own local store, or UploadThing's CDN hosts; nothing else is ever shown as a picture.
const LOCAL_URL = /^\/uploads\/[a-zA-Z0-9][a-zA-Z0-9._-]*(\/[a-zA-Z0-9][a-zA-Z0-9._-]*)*$/;
const UPLOADTHING_URL = /^https:\/\/([a-z0-9-]+\.)*(utfs\.io|ufs\.sh)\/[^\s"'<>]+$/;

/** A stored media URL: one this app's upload produced. */
export const mediaUrlField = z
  .string('validation.invalid')
  .max(500, 'validation.invalid')
  .refine((value) => LOCAL_URL.test(value) || UPLOADTHING_URL.test(value), 'uploads.badUrl');

/** The same, where empty means "none". */
export const optionalMediaUrlField = z.union([z.literal('').transform(() => null), mediaUrlField, z.null()]);
