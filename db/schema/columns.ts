import { sql } from 'drizzle-orm';
import { bigint, integer, timestamp } from 'drizzle-orm/pg-core';

/** Every instant is a timestamptz; the UI converts to APP_TIME_ZONE. */
export const instant = () => timestamp({ withTimezone: true, mode: 'date' });

/** Money is integer fen (¥1 = 100). bigint so that turnovers past ¥21M still fit. */
export const fen = () => bigint({ mode: 'number' });

export const id = () => integer().primaryKey().generatedAlwaysAsIdentity();

export const timestamps = {
  createdAt: instant().notNull().defaultNow(),
  updatedAt: instant()
    .notNull()
    .defaultNow()
    .$onUpdateFn(() => sql`now()`),
};
