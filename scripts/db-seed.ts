import { migrateDatabase } from '@/db/migrate';
import { closeOnExit, runScript } from './run-script';
import { connectAppDatabase, formatLogins, seedAppDatabase } from '@/lib/server/prepare-database';

/** `npm run db:seed`: migrates, then fills an empty database with the demo data. */
runScript(async () => {
  const handle = await connectAppDatabase();
  closeOnExit(handle);
  await migrateDatabase(handle);
  const summary = await seedAppDatabase(handle);
  console.log(summary.seeded ? 'Demo data seeded.' : 'The database already has users: seed skipped.');
  console.log(formatLogins(summary));
});
