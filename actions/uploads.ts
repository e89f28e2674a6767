'use server';

import { z } from 'zod';
import { adminAction } from '@/lib/actions/safe-action';
import { saveMediaUpload } from '@/lib/storage/save-media-upload';

const uploadInput = z.object({
  kind: z.enum(['image', 'video'], 'validation.invalid'),
  file: z.instanceof(File, { message: 'uploads.empty' }),
});

/**
 * The local store's upload (no UPLOADTHING_TOKEN): admins only, one image or video as
 * FormData. Content is checked by its bytes before anything is written.
 */
export const uploadMediaAction = adminAction(uploadInput, async ({ kind, file }) => saveMediaUpload({ kind, file }));
