import { describe, expect, it } from 'vitest';
import { parseIdentifier } from './identifier';

describe('parseIdentifier', () => {
  it('normalises phone numbers as people type them', () => {
    for (const typed of ['13800000001', '+86 138 0000 0001', '0086-138-0000-0001', '１３８００００００01']) {
      expect(parseIdentifier(typed)).toEqual({ kind: 'phone', value: '13800000001' });
    }
  });

  it('lower-cases emails', () => {
    expect(parseIdentifier('  Bai@Gavel.TEST ')).toEqual({ kind: 'email', value: 'bai@gavel.test' });
  });

  it('refuses what is neither', () => {
    for (const typed of ['', '12345', '23800000001', 'bai@', '<script>@x']) expect(parseIdentifier(typed)).toBeNull();
  });
});
