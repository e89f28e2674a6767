import { migrateDatabase } from '@/db/migrate';
import { now } from '@/lib/clock';
import { connectAppDatabase } from '@/lib/server/prepare-database';
import { saveUpload } from '@/lib/storage/local-uploads';
import { closeOnExit, runScript } from './run-script';
import { seedDemoData, type SeedSummary } from './seed/demo';

function formatLogins(summary: SeedSummary): string {
  const buyers = summary.buyers
    .map((buyer) => `    ${buyer.name.padEnd(4, '　')} ${buyer.phone}  ${buyer.email}`)
    .join('\n');
  return [
    'Demo logins (phone or email):',
    `  admin   ${summary.admin.phone} / ${summary.admin.email}  password: ${summary.admin.password}`,
    `  buyers  password: ${summary.buyerPassword}`,
    buyers,
  ].join('\n');
}

/**
 * `npm run db:seed`, and the first half of `npm run dev`: migrates, then fills an empty
 * database with the demo data. It runs apart from the server so that the seed and the
 * domain verbs it drives stay out of the server bundle; it closes the database (and so
 * releases the embedded database's lock) before `next dev` opens it.
 */
runScript(async () => {
  const handle = await connectAppDatabase();
  closeOnExit(handle);
  await migrateDatabase(handle);
  const summary = await seedDemoData({
    db: handle.db,
    now: now(),
    saveImage: (name, svg) => saveUpload(`demo/${name}`, svg),
  });
  console.log(
    `\n  ${summary.seeded ? 'Seeded the demo data' : 'The database already has users: seed skipped'} (database: ${handle.driver} ${handle.location}).`,
  );
  console.log(`\n${formatLogins(summary).replace(/^/gm, '  ')}\n`);
});
