import { createRouteHandler } from 'uploadthing/next';
import { env } from '@/lib/env';
import { uploadRouter } from '@/lib/storage/uploadthing-router';

/**
 * UploadThing's endpoint, live only when UPLOADTHING_TOKEN is set; otherwise uploads go to
 * the local store through /api/admin/uploads and this route does not exist (404).
 * Each file route authorises the caller itself (admins only).
 */
function handlers() {
  const token = env().UPLOADTHING_TOKEN;
  return token ? createRouteHandler({ router: uploadRouter, config: { token } }) : null;
}

const notFound = () => new Response('Not found', { status: 404 });

export async function GET(request: Request) {
  const live = handlers();
  return live ? live.GET(request as Parameters<typeof live.GET>[0]) : notFound();
}

export async function POST(request: Request) {
  const live = handlers();
  return live ? live.POST(request as Parameters<typeof live.POST>[0]) : notFound();
}
