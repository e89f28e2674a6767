import { describe, expect, it } from 'vitest';
import { issueVisitorToken, visitorIdOf } from './visitor-token';

const secret = 'visitor-token-test-secret-0123456789';

describe('visitor tokens', () => {
  it('gives back the id of a token it issued', () => {
    const token = issueVisitorToken(secret);
    expect(visitorIdOf(token, secret)).toBe(token.split('.')[0]);
    expect(issueVisitorToken(secret)).not.toBe(token);
  });

  it('refuses made-up, tampered, foreign and malformed tokens', () => {
    const token = issueVisitorToken(secret);
    const [id, signature] = token.split('.');
    expect(visitorIdOf(id, secret)).toBeNull();
    expect(visitorIdOf(`${'0'.repeat(8)}-0000-0000-0000-${'0'.repeat(12)}.${signature}`, secret)).toBeNull();
    expect(visitorIdOf(`${id}.${signature}x`, secret)).toBeNull();
    expect(visitorIdOf(token, 'another-secret-0123456789-0123456789')).toBeNull();
    expect(visitorIdOf(`${token}.extra`, secret)).toBeNull();
    expect(visitorIdOf("'; drop table lots; --", secret)).toBeNull();
    expect(visitorIdOf(undefined, secret)).toBeNull();
  });
});
