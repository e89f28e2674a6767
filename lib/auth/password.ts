import bcrypt from 'bcryptjs';

/** bcrypt cost 10: ~70 ms per check here, slow for guessing, fine for a sign-in. */
const COST = 10;

export function hashPassword(password: string): Promise<string> {
  return bcrypt.hash(password, COST);
}

export function verifyPassword(password: string, hash: string): Promise<boolean> {
  return bcrypt.compare(password, hash);
}

/** Compared against when the account does not exist, so that timing does not reveal it. */
export const DUMMY_HASH = bcrypt.hashSync('gavel-no-such-account', COST);
