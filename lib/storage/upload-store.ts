import 'server-only';
import { env } from '@/lib/env';

/** Where uploads go: UploadThing when its token is set, else the local store under the data directory. */
export const uploadStore = (): 'uploadthing' | 'local' => (env().UPLOADTHING_TOKEN ? 'uploadthing' : 'local');
