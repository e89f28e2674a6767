/** Raw rows from `execute` differ by driver (int8 as string on node-postgres, Date or ISO). */
export const toNumber = (value: unknown): number => Number(value);
export const toNullableNumber = (value: unknown): number | null =>
  value === null || value === undefined ? null : Number(value);
export const toDate = (value: unknown): Date => (value instanceof Date ? value : new Date(String(value)));
export const toNullableDate = (value: unknown): Date | null =>
  value === null || value === undefined ? null : toDate(value);
