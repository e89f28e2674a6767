import { z } from 'zod';
import { assertRole } from '@/lib/auth/assert-role';
import { currentUser } from '@/lib/auth/current-user';
import { AppError } from '@/lib/errors';
import { jsonError } from '@/lib/server/json-error';
import { readBytesCapped } from '@/lib/server/read-body';
import { saveMediaUpload } from '@/lib/storage/save-media-upload';
import { UPLOAD_KINDS } from '@/lib/uploads/upload-rules';

export const dynamic = 'force-dynamic';

/**
 * Which kind of file the body is. A custom header rather than the query so that a page of
 * another origin cannot send it without a CORS preflight, which this route never grants.
 */
const UPLOAD_KIND_HEADER = 'x-upload-kind';
const uploadKind = z.enum(['image', 'video'], 'validation.invalid');

/**
 * The local store's upload (no UPLOADTHING_TOKEN): the file's bytes as the raw body, its
 * kind (image|video) in x-upload-kind. A route handler rather than a server action because
 * Next reads an action's whole body before the action can authorise; here the admin check
 * comes first, and the body is read only up to the kind's size limit (413 past it), so
 * nobody else can make the server buffer a large body. Content is checked by its bytes
 * before anything is written.
 */
export async function POST(request: Request): Promise<Response> {
  try {
    assertRole(await currentUser(), 'admin');
    const parsed = uploadKind.safeParse(request.headers.get(UPLOAD_KIND_HEADER));
    if (!parsed.success)
      throw new AppError('VALIDATION', `Say which kind of file this is in ${UPLOAD_KIND_HEADER}`, {
        fieldErrors: { kind: ['validation.invalid'] },
      });
    const kind = parsed.data;
    const content = await readBytesCapped(request, UPLOAD_KINDS[kind].maxBytes);
    return Response.json(await saveMediaUpload({ kind, content }));
  } catch (error) {
    return jsonError(error);
  }
}
