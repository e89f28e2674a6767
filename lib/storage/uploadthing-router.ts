import 'server-only';
import { createUploadthing, type FileRouter } from 'uploadthing/next';
import { UploadThingError } from 'uploadthing/server';
import { currentUser } from '@/lib/auth/current-user';
import { UPLOAD_KINDS, type UploadKind } from '@/lib/uploads/upload-rules';

const f = createUploadthing();

/** Only a signed-in admin (currentUser answers null for a blocked account) may ask UploadThing for an upload slot. */
async function adminOnly() {
  const user = await currentUser();
  if (user?.role !== 'admin') throw new UploadThingError('Forbidden');
  return { adminId: user.id };
}

/**
 * A kind's exact MIME types, each with the kind's size limit: UploadThing's `image`/`video`
 * shorthands would admit any image/* or video/* (SVG, HEIC, QuickTime…), which the local
 * store refuses.
 */
function exactTypes(kind: UploadKind) {
  const { types, maxFileSize } = UPLOAD_KINDS[kind];
  return Object.fromEntries(types.map((type) => [type, { maxFileSize, maxFileCount: 1 }])) as Parameters<typeof f>[0];
}

/**
 * The UploadThing file routes (used when UPLOADTHING_TOKEN is set): the same MIME types and
 * size limits as the local store. The client uploads straight to
 * UploadThing, which enforces type and size; the URL comes back to the form, which keeps it.
 */
export const uploadRouter = {
  image: f(exactTypes('image'))
    .middleware(adminOnly)
    .onUploadComplete(({ file }) => ({ url: file.ufsUrl })),
  video: f(exactTypes('video'))
    .middleware(adminOnly)
    .onUploadComplete(({ file }) => ({ url: file.ufsUrl })),
} satisfies FileRouter;

export type UploadRouter = typeof uploadRouter;
