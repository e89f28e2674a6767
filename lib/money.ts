/**
 * Money is integer fen (分) everywhere; ¥ amounts exist only at the edges. Parsing works on
 * the digits as text, so no floating-point value ever becomes money.
 */

const FEN_PER_YUAN = 100;
/** Well above any real lot (¥90 trillion) and still an exact JavaScript integer. */
export const MAX_FEN = Number.MAX_SAFE_INTEGER - (Number.MAX_SAFE_INTEGER % FEN_PER_YUAN);
/**
 * The most any price, bid or deposit may be: ¥1 billion. Far above a real lot, and small
 * enough that every sum and premium the database computes on it (price × basis points, a
 * batch of turnovers) stays inside bigint, so one hostile bid cannot break a tick.
 */
export const MAX_PRICE_FEN = 100_000_000_000;

const yuanFormats = new Map<string, Intl.NumberFormat>();

function yuanFormat(locale: string): Intl.NumberFormat {
  let format = yuanFormats.get(locale);
  if (!format) {
    format = new Intl.NumberFormat(locale, {
      style: 'currency',
      currency: 'CNY',
      currencyDisplay: 'narrowSymbol',
      minimumFractionDigits: 2,
      maximumFractionDigits: 2,
    });
    yuanFormats.set(locale, format);
  }
  return format;
}

/** 100050 → "¥1,000.50". */
export function formatFen(fen: number, locale = 'zh-CN'): string {
  if (!Number.isSafeInteger(fen)) throw new RangeError(`Not an amount in fen: ${fen}`);
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(fen);
  const yuan = Math.trunc(abs / FEN_PER_YUAN);
  const cents = abs % FEN_PER_YUAN;
  // Format the integer part and splice the cents in as text so large amounts stay exact.
  const parts = yuanFormat(locale).formatToParts(yuan);
  const text = parts
    .map((part) =>
      part.type === 'fraction' ? String(cents).padStart(2, '0') : part.type === 'minusSign' ? '' : part.value,
    )
    .join('');
  return sign + text;
}

/** 100050 → "1000.50": an amount as a form field shows it, without symbol or separators. */
export function fenToYuanInput(fen: number): string {
  const yuan = Math.trunc(fen / FEN_PER_YUAN);
  const cents = Math.abs(fen % FEN_PER_YUAN);
  return cents === 0 ? String(yuan) : `${yuan}.${String(cents).padStart(2, '0')}`;
}

const YUAN_PATTERN = /^(?<int>\d{1,3}(?:,\d{3})+|\d+)(?:\.(?<frac>\d{1,2}))?$/;

/**
 * Reads what a person types for a ¥ amount: "1,000.50", "¥1000", "１０００" (full-width),
 * " 12.5 ". Returns fen, or null when the text is not a non-negative amount with at most
 * two decimals.
 */
export function parseYuan(input: string): number | null {
  const text = input
    .normalize('NFKC')
    .trim()
    .replace(/^[¥￥]\s*/, '');
  const match = YUAN_PATTERN.exec(text);
  if (!match?.groups) return null;
  const { int = '', frac = '' } = match.groups;
  const integerPart = int.replaceAll(',', '');
  const fraction = frac.padEnd(2, '0');
  const fen = BigInt(integerPart) * BigInt(FEN_PER_YUAN) + BigInt(fraction);
  if (fen > BigInt(MAX_FEN)) return null;
  return Number(fen);
}

/**
 * Buyer's premium (佣金) on a deal price at `bps` basis points, rounded half up to the fen:
 * ¥0.04 at 12.5% is 0.5 fen → 1 fen; ¥0.03 is 0.375 fen → 0. Order creation computes the
 * same in SQL, `(deal_price * buyer_premium_bps + 5000) / 10000` in integer division;
 * tests/integration/bidding-rules.test.ts holds the two to each other.
 */
export function buyerPremium(dealPrice: number, bps: number): number {
  return Number((BigInt(dealPrice) * BigInt(bps) + 5_000n) / 10_000n);
}
