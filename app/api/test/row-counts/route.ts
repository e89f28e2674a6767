import { sql } from 'drizzle-orm';
import { appDatabase } from '@/db';
import { env } from '@/lib/env';
import { AppError } from '@/lib/errors';
import { bearerMatches } from '@/lib/server/bearer';
import { jsonError } from '@/lib/server/json-error';

export const dynamic = 'force-dynamic';

/**
 * Row counts of every table, for the security suite to prove a refused request wrote nothing.
 * The server owns the embedded database (one process per data directory), so the suite asks
 * it. Like /api/test/clock it exists only with GAVEL_TEST_MODE=1 and the cron bearer.
 */
export async function GET(request: Request) {
  try {
    if (env().GAVEL_TEST_MODE !== '1') throw new AppError('NOT_FOUND', 'Not found');
    if (!bearerMatches(request.headers.get('authorization'), env().CRON_SECRET))
      throw new AppError('UNAUTHENTICATED', 'Send Authorization: Bearer $CRON_SECRET');
    const { db } = appDatabase();
    const tables = await db.execute<{ tablename: string }>(
      sql`select tablename from pg_tables where schemaname = 'public' order by 1`,
    );
    const counts: Record<string, number> = {};
    for (const { tablename } of tables.rows) {
      const result = await db.execute<{ n: number }>(sql`select count(*)::int as n from ${sql.identifier(tablename)}`);
      counts[tablename] = Number(result.rows[0]?.n ?? 0);
    }
    return Response.json({ tables: counts });
  } catch (error) {
    return jsonError(error);
  }
}
