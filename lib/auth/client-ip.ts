import type { TrustedProxy } from '@/lib/env';

/** Callers whose address cannot be known share this bucket. */
export const UNKNOWN_CLIENT = 'unknown';

/**
 * The caller's address, taken only from headers that `trustedProxy` vouches for; null when
 * nothing trustworthy names it. `next start` copies the socket address into
 * X-Forwarded-For only when the request has none, so without a proxy that header is the
 * caller's to choose and cannot be told apart from the socket.
 */
export function clientIp(headers: Headers, trustedProxy: TrustedProxy): string | null {
  if (trustedProxy === 'none') return null;
  if (trustedProxy === 'vercel') {
    // Vercel overwrites these with the connecting address; a client's own value never survives.
    return validAddress(headers.get('x-vercel-forwarded-for')?.split(',')[0]) ?? validAddress(headers.get('x-real-ip'));
  }
  // Each trusted hop appends the address it received the request from: the Nth entry from
  // the right was written by the outermost trusted proxy; anything left of it is hearsay.
  const entries = (headers.get('x-forwarded-for') ?? '').split(',').map((entry) => entry.trim());
  if (entries.length === 1 && entries[0] === '') return null;
  return validAddress(entries[entries.length - trustedProxy]);
}

function validAddress(value: string | null | undefined): string | null {
  const address = value?.trim();
  // IPv4, IPv6 (optionally with a zone) only: the value becomes part of a database key.
  return address && address.length <= 64 && /^[0-9a-f:.]+(%[0-9a-z]+)?$/i.test(address) ? address.toLowerCase() : null;
}
