import { migrateDatabase } from '@/db/migrate';
import { closeOnExit, runScript } from './run-script';
import { connectAppDatabase } from '@/lib/server/prepare-database';

/** `npm run db:migrate`: applies committed migrations to DATABASE_URL (or the embedded database). */
runScript(async () => {
  const handle = await connectAppDatabase();
  closeOnExit(handle);
  await migrateDatabase(handle);
  console.log(`Migrations applied (${handle.driver} ${handle.location}).`);
});
