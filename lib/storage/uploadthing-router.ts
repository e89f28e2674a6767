import 'server-only';
import { createUploadthing, type FileRouter } from 'uploadthing/next';
import { UploadThingError } from 'uploadthing/server';
import { currentUser } from '@/lib/auth/current-user';
import { UPLOAD_KINDS } from '@/lib/uploads/upload-rules';

const f = createUploadthing();

/** Only a signed-in admin (currentUser answers null for a blocked account) may ask UploadThing for an upload slot. */
async function adminOnly() {
  const user = await currentUser();
  if (user?.role !== 'admin') throw new UploadThingError('Forbidden');
  return { adminId: user.id };
}

/**
 * The UploadThing file routes (used when UPLOADTHING_TOKEN is set): the same kinds and size
 * limits as the local store, one file per upload. The client uploads straight to
 * UploadThing, which enforces type and size; the URL comes back to the form, which keeps it.
 */
export const uploadRouter = {
  image: f({ image: { maxFileSize: UPLOAD_KINDS.image.maxFileSize, maxFileCount: 1 } })
    .middleware(adminOnly)
    .onUploadComplete(({ file }) => ({ url: file.ufsUrl })),
  video: f({ video: { maxFileSize: UPLOAD_KINDS.video.maxFileSize, maxFileCount: 1 } })
    .middleware(adminOnly)
    .onUploadComplete(({ file }) => ({ url: file.ufsUrl })),
} satisfies FileRouter;

export type UploadRouter = typeof uploadRouter;
