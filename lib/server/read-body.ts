import { AppError } from '@/lib/errors';

/**
 * The request body's bytes, refused with PAYLOAD_TOO_LARGE once it passes `maxBytes`:
 * by its Content-Length when it states one, and while streaming otherwise (a chunked body
 * states none), so a huge body is never buffered.
 */
export async function readBytesCapped(request: Request, maxBytes: number): Promise<Buffer> {
  const tooLarge = () => new AppError('PAYLOAD_TOO_LARGE', `The body is over ${maxBytes} bytes`);
  const declared = Number(request.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > maxBytes) throw tooLarge();
  if (!request.body) return Buffer.alloc(0);
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel();
      throw tooLarge();
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}

/** The same, as text. */
export async function readBodyCapped(request: Request, maxBytes: number): Promise<string> {
  return new TextDecoder().decode(await readBytesCapped(request, maxBytes));
}
