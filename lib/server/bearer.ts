import { createHash, timingSafeEqual } from 'node:crypto';

/**
 * Whether an Authorization header carries `Bearer <secret>`. Both sides are hashed first so
 * the comparison takes the same time whatever the length or content of the guess.
 */
export function bearerMatches(header: string | null, secret: string): boolean {
  const given = header?.startsWith('Bearer ') ? header.slice('Bearer '.length) : '';
  const digest = (value: string) => createHash('sha256').update(value).digest();
  return given.length > 0 && timingSafeEqual(digest(given), digest(secret));
}
