import { describe, expect, it } from 'vitest';
import { buyerPremium, fenToYuanInput, formatFen, MAX_FEN, parseYuan } from './money';

describe('formatFen', () => {
  it('shows ¥ with thousands separators and two decimals', () => {
    expect(formatFen(100000)).toBe('¥1,000.00');
    expect(formatFen(100050)).toBe('¥1,000.50');
    expect(formatFen(5)).toBe('¥0.05');
    expect(formatFen(0)).toBe('¥0.00');
    expect(formatFen(-2000)).toBe('-¥20.00');
  });

  it('stays exact for amounts beyond float precision of yuan', () => {
    expect(formatFen(MAX_FEN)).toBe('¥90,071,992,547,409.00');
    expect(formatFen(123456789012345)).toBe('¥1,234,567,890,123.45');
  });

  it('uses ¥ in English too', () => {
    expect(formatFen(1050000, 'en')).toBe('¥10,500.00');
  });

  it('refuses what is not a whole number of fen', () => {
    expect(() => formatFen(1.5)).toThrow(RangeError);
  });
});

describe('parseYuan', () => {
  it.each([
    ['1,000.50', 100050],
    ['1000.5', 100050],
    ['¥1000', 100000],
    ['￥ 12', 1200],
    [' 0.01 ', 1],
    ['１０００', 100000],
    ['10,500', 1050000],
    ['0', 0],
  ])('reads %j as %i fen', (input, fen) => {
    expect(parseYuan(input)).toBe(fen);
  });

  it.each(['', '-1', '1.005', 'abc', '1e5', '1,00', '1,0000', '12.', '.5', 'NaN', '1 000', '99999999999999999999'])(
    'refuses %j',
    (input) => {
      expect(parseYuan(input)).toBeNull();
    },
  );

  it('round-trips with the form representation', () => {
    for (const fen of [0, 1, 99, 100, 100050, 123456789]) {
      expect(parseYuan(fenToYuanInput(fen))).toBe(fen);
    }
  });
});

describe('buyerPremium', () => {
  it('rounds half up to the fen', () => {
    // 12.5%: 4 fen → 0.5 fen, 12 fen → 1.5 fen, 36 fen → 4.5 fen: each rounds up.
    expect(buyerPremium(4, 1250)).toBe(1);
    expect(buyerPremium(12, 1250)).toBe(2);
    expect(buyerPremium(36, 1250)).toBe(5);
    // Just below and above the half.
    expect(buyerPremium(3, 1250)).toBe(0);
    expect(buyerPremium(5, 1250)).toBe(1);
    expect(buyerPremium(1, 4999)).toBe(0);
    expect(buyerPremium(1, 5000)).toBe(1);
    expect(buyerPremium(1, 1250)).toBe(0);
    expect(buyerPremium(9_999, 1250)).toBe(1_250);
  });

  it('is exact for whole percentages, zero and the full deal price', () => {
    expect(buyerPremium(1_050_000, 1500)).toBe(157_500);
    expect(buyerPremium(1_050_000, 0)).toBe(0);
    expect(buyerPremium(1_050_000, 10_000)).toBe(1_050_000);
  });

  it('stays exact where deal price × bps passes 2^53', () => {
    // MAX_FEN × 12.5% = …612.5 fen.
    expect(buyerPremium(MAX_FEN, 1250)).toBe(1_125_899_906_842_613);
  });
});
