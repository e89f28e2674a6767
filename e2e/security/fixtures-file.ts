import path from 'node:path';

export const BLOCKED_BUYER = { name: '封禁买家', phone: '13800000099', password: 'gavel-blocked' };

export type FixtureUser = {
  id: number;
  phone: string;
  email: string | null;
  password: string;
  name: string;
  role: 'admin' | 'buyer';
};

/** What e2e/security/fixtures/core.ts prepared, read by the specs. */
export type SecurityFixtures = {
  admin: FixtureUser;
  /** Owns `pendingReference`. */
  buyer: FixtureUser;
  otherBuyer: FixtureUser;
  /** Blocked in the database; the specs hold a session token minted before the block. */
  blockedBuyer: FixtureUser;
  pendingReference: string;
  paidReference: string | null;
  auctionId: number;
};

/**
 * Each file in e2e/security/fixtures/ prepares one area's data and writes what its matrix
 * rows need (ids of records that belong to `buyer`, …) to its own JSON file.
 */
export const fixturesFile = (dataDir: string, area: string) => path.join(dataDir, `security-fixtures-${area}.json`);
