import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveUploadPath, uploadsDir } from './local-uploads';

describe('resolveUploadPath', () => {
  it('maps URL segments inside the uploads folder', () => {
    expect(resolveUploadPath(['demo', 'auction-1.svg'])).toBe(path.join(uploadsDir(), 'demo', 'auction-1.svg'));
  });

  it('refuses anything that could escape it', () => {
    for (const segments of [
      [],
      ['..', 'secrets.json'],
      ['demo', '..', '..', 'x'],
      ['.env'],
      ['a/b'],
      ['%2e%2e'],
      ['demo', ''],
    ]) {
      expect(resolveUploadPath(segments)).toBeNull();
    }
  });
});
