import { sql, type SQL } from 'drizzle-orm';
import { instant } from '@/lib/sql/values';

/**
 * A new order number, evaluated per row inside an INSERT: GV, the date in the business's
 * zone, and a serial of at least six digits from a sequence, e.g. GV20261125000042. The
 * sequence never hands out a value twice, so numbers are unique without a retry loop.
 * (Padding to 20 and stripping up to 14 zeros keeps six digits while calling nextval once.)
 */
export function nextOrderNumber(now: Date, timeZone: string): SQL<string> {
  return sql<string>`('GV' || to_char(${instant(now)} at time zone ${timeZone}, 'YYYYMMDD')
    || regexp_replace(lpad(nextval('order_number_seq')::text, 20, '0'), '^0{0,14}', ''))`;
}
