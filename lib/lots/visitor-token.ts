import 'server-only';
import { createHmac, randomUUID, timingSafeEqual } from 'node:crypto';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

const signatureOf = (id: string, secret: string) =>
  createHmac('sha256', secret).update(`lot-visitor:${id}`).digest('base64url');

/** A fresh anonymous visitor id with the server's signature, as the 围观 cookie holds it: `<uuid>.<signature>`. */
export function issueVisitorToken(secret: string): string {
  const id = randomUUID();
  return `${id}.${signatureOf(id, secret)}`;
}

/**
 * The visitor id of a cookie this server issued, or null for anything else: a script cannot
 * make up ids to be counted, it has to be handed each one first.
 */
export function visitorIdOf(token: string | undefined, secret: string): string | null {
  const [id, signature, ...rest] = (token ?? '').split('.');
  if (!id || !signature || rest.length > 0 || !UUID.test(id)) return null;
  const given = Buffer.from(signature);
  const expected = Buffer.from(signatureOf(id, secret));
  return given.length === expected.length && timingSafeEqual(given, expected) ? id : null;
}
