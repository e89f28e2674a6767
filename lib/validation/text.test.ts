import { describe, expect, it } from 'vitest';
import { boundedText } from './text';

const messages = (result: { success: boolean; error?: { issues: { message: string }[] } }) =>
  result.error?.issues.map((issue) => issue.message) ?? [];

describe('boundedText', () => {
  it('trims and keeps ordinary text, Chinese included', () => {
    expect(boundedText({ max: 10 }).parse('  龙井 茶  ')).toBe('龙井 茶');
  });

  it('refuses text over the maximum', () => {
    expect(messages(boundedText({ max: 5 }).safeParse('123456'))).toEqual(['validation.tooLong']);
    expect(
      messages(boundedText({ max: 254, tooLong: 'validation.emailTooLong' }).safeParse('a'.repeat(20_000))),
    ).toEqual(['validation.emailTooLong']);
  });

  it('refuses NUL, other C0 controls and DEL; newlines only in multi-line fields', () => {
    for (const bad of ['a\u0000b', 'a\u0007b', 'a\u001Fb', 'a\u007Fb', 'a\rb', 'a\tb']) {
      expect(messages(boundedText({ max: 50 }).safeParse(bad))).toEqual(['validation.controlCharacters']);
    }
    expect(messages(boundedText({ max: 50 }).safeParse('a\nb'))).toEqual(['validation.controlCharacters']);
    expect(boundedText({ max: 50, multiline: true }).parse('a\nb')).toBe('a\nb');
    expect(messages(boundedText({ max: 50, multiline: true }).safeParse('a\r\nb'))).toEqual([
      'validation.controlCharacters',
    ]);
  });

  it('refuses what is not a string', () => {
    for (const bad of [1, null, {}, ['a']])
      expect(messages(boundedText({ max: 5 }).safeParse(bad))).toEqual(['validation.invalid']);
  });

  it('keeps spaces of passwords when asked', () => {
    expect(boundedText({ max: 72, trim: false }).parse(' pass word ')).toBe(' pass word ');
  });
});
