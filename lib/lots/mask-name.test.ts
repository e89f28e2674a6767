import { describe, expect, it } from 'vitest';
import { maskName } from './mask-name';

describe('maskName', () => {
  it('keeps only the first character, whole code points included', () => {
    expect(maskName('白浩伟')).toBe('白**');
    expect(maskName('Alice')).toBe('A**');
    expect(maskName('𠀋明')).toBe('𠀋**');
    expect(maskName('  ')).toBe('***');
  });
});
