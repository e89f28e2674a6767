import { defineConfig } from 'drizzle-kit';

// Generation only needs the schema; `npm run db:migrate` (scripts/db-migrate.ts) applies
// migrations through the app's own client so that PGlite's lock is respected.
export default defineConfig({
  dialect: 'postgresql',
  schema: './db/schema/index.ts',
  out: './db/migrations',
  casing: 'snake_case',
});
