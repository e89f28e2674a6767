import { getTranslations } from 'next-intl/server';
import { db } from '@/db';
import { csvResponse } from '@/lib/admin/csv';
import { ordersCsv } from '@/lib/admin/csv-exports';
import { orderFiltersSchema } from '@/lib/admin/order-schemas';
import { assertRole } from '@/lib/auth/assert-role';
import { currentUser } from '@/lib/auth/current-user';
import { now } from '@/lib/clock';
import { env } from '@/lib/env';
import { engineRules } from '@/lib/server/engine';
import { jsonError } from '@/lib/server/json-error';

export const dynamic = 'force-dynamic';

/** The orders list as a CSV download, with the list's filters; admins only, checked here. */
export async function GET(request: Request): Promise<Response> {
  try {
    assertRole(await currentUser(), 'admin');
    const params = new URL(request.url).searchParams;
    const filters = orderFiltersSchema.parse(Object.fromEntries(params));
    const at = now();
    const body = ordersCsv({
      db: db(),
      filters,
      now: at,
      rules: engineRules(),
      timeZone: env().APP_TIME_ZONE,
      t: await getTranslations('adminCsv'),
    });
    return csvResponse(body, `orders-${at.toISOString().slice(0, 10)}.csv`);
  } catch (error) {
    return jsonError(error);
  }
}
