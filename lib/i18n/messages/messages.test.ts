import { describe, expect, it } from 'vitest';
import { locales } from '../config';
import { messageFiles, messagesFor } from './index';

function keyPaths(value: unknown, prefix = ''): string[] {
  if (typeof value !== 'object' || value === null) return [prefix];
  return Object.entries(value).flatMap(([key, inner]) => keyPaths(inner, prefix ? `${prefix}.${key}` : key));
}

describe('UI messages', () => {
  it.each(locales)('%s defines each namespace in one file only', (locale) => {
    const owners = new Map<string, string>();
    for (const [file, messages] of Object.entries(messageFiles[locale])) {
      for (const namespace of Object.keys(messages)) {
        expect(owners.get(namespace), `${namespace} is in ${owners.get(namespace)} and ${file}`).toBeUndefined();
        owners.set(namespace, file);
      }
    }
  });

  it('has the same keys in every language', () => {
    const [first, ...rest] = locales.map((locale) => keyPaths(messagesFor(locale)).sort());
    for (const other of rest) expect(other).toEqual(first);
  });
});
