import type { ActionEncoding, Role } from '../support';

/**
 * The vocabulary of the authorisation matrix (../authorisation-matrix.ts), shared by every
 * area's rows. Outcomes are the words of `classify` in support.ts: ok, login (sent to sign in),
 * forbidden, not-found, unauthenticated, invalid (input refused after the caller was let in),
 * `redirect <path>`, `no result` (an action returned nothing), or `error <status>`.
 */
export type Probe =
  | { method: 'GET' | 'POST'; path: () => string; headers?: Record<string, string>; body?: () => string }
  | { action: true; page: () => string; encoding: ActionEncoding; arg: () => unknown };

/** `writes`: the roles whose probe is allowed to change the database; every other probe must not. */
export type MatrixRow = { probe: Probe; expect: Record<Role, string>; why: string; writes?: Role[] };

export const everyone = (outcome: string): Record<Role, string> => ({
  anonymous: outcome,
  blockedBuyer: outcome,
  admin: outcome,
  otherBuyer: outcome,
  buyer: outcome,
});
export const adminOnly: Record<Role, string> = {
  anonymous: 'login',
  blockedBuyer: 'login',
  admin: 'ok',
  otherBuyer: 'forbidden',
  buyer: 'forbidden',
};
// A blocked buyer's session counts for nothing: they are treated as signed out.
export const signedOutOnly: Record<Role, string> = {
  anonymous: 'ok',
  blockedBuyer: 'ok',
  admin: 'redirect /',
  otherBuyer: 'redirect /',
  buyer: 'redirect /',
};
export const get = (path: string): Probe => ({ method: 'GET', path: () => path });
