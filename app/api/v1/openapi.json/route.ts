import { openApiDocument } from '@/lib/api/v1/openapi';
import { CACHE } from '@/lib/api/v1/respond';
import { env } from '@/lib/env';

export const dynamic = 'force-dynamic';

/** GET /api/v1/openapi.json: the read API described from the schemas its routes answer with. */
export function GET(): Response {
  return Response.json(openApiDocument(env().APP_URL), { headers: { 'cache-control': CACHE.document } });
}
