// Browsers drop tab, CR and LF inside a URL before resolving it (`/\t/evil.example` becomes
// `//evil.example`) and treat `\` like `/`, so neither may reach the URL parser.
const UNSAFE = /[\u0000-\u001F\u007F\\]/;

/**
 * The post-sign-in destination for an untrusted `callbackUrl`: the value resolved against
 * the app's origin, as a path on that origin, or `fallback`. The result is plain ASCII (the
 * URL serialiser percent-encodes the rest), so it is always safe in a Location header.
 */
export function safeCallbackUrl(value: unknown, appUrl: string, fallback = '/'): string {
  if (typeof value !== 'string' || value === '' || UNSAFE.test(value)) return fallback;
  const origin = new URL(appUrl).origin;
  let url: URL;
  try {
    url = new URL(value, origin);
  } catch {
    return fallback;
  }
  if (url.origin !== origin) return fallback;
  const path = `${url.pathname}${url.search}${url.hash}`;
  // `/.//evil.example` resolves to the path `//evil.example`, which a browser reads as a host.
  if (path.startsWith('//') || !/^\/[\x21-\x7E]*$/.test(path)) return fallback;
  return path;
}
