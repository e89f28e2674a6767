import { sql, type SQL } from 'drizzle-orm';

/**
 * Set-based writes pass whole batches as Postgres array parameters (one parameter per
 * column, whatever the batch size). Instants travel as ISO strings because drivers differ
 * in how they serialise Date arrays.
 */
export const intArray = (values: readonly number[]): SQL => sql`${sql.param(`{${values.join(',')}}`)}::int[]`;

export const textArray = (values: readonly string[]): SQL =>
  sql`${sql.param(`{${values.map((value) => `"${value.replace(/["\\]/g, '\\$&')}"`).join(',')}}`)}::text[]`;

export const instantArray = (values: readonly (Date | null)[]): SQL =>
  sql`${sql.param(`{${values.map((value) => (value ? `"${value.toISOString()}"` : 'NULL')).join(',')}}`)}::timestamptz[]`;

export const instant = (value: Date): SQL => sql`${value.toISOString()}::timestamptz`;
