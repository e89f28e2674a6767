import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { auctions, lotImages, lots } from '@/db/schema';
import { sweepOrphanUploads } from '@/lib/storage/sweep-orphan-uploads';
import { HOUR, MINUTE, at, publishedAuction } from '../support/lifecycle';
import { databaseForEachTest, type TestDatabase } from '../support/test-database';

const state = vi.hoisted(() => ({ database: null as TestDatabase | null }));
vi.mock('@/db', async (original) => ({
  ...(await original<typeof import('@/db')>()),
  db: () => state.database!.db,
  appDatabase: () => state.database!,
}));
const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'gavel-sweep-'));
vi.stubEnv('AUTH_SECRET', 'upload-sweep-auth-secret-0123456789');
vi.stubEnv('CRON_SECRET', 'upload-sweep-cron-secret-0123456789');
vi.stubEnv('GAVEL_DATA_DIR', dataDir);

const { tickApp } = await import('@/lib/server/engine');
const now = new Date('2026-11-20T04:00:00Z');
const media = path.join(dataDir, 'uploads', 'media');
const demo = path.join(dataDir, 'uploads', 'demo');

/** A file whose mtime is `age` before `now`. */
async function file(folder: string, name: string, age: number) {
  await fs.mkdir(folder, { recursive: true });
  const target = path.join(folder, name);
  await fs.writeFile(target, 'x');
  const mtime = new Date(now.getTime() - age);
  await fs.utimes(target, mtime, mtime);
}
const left = async (folder: string) => (await fs.readdir(folder).catch(() => [])).sort();

describe('the orphan-upload sweep', () => {
  const current = databaseForEachTest('pglite');

  beforeEach(async () => {
    state.database = current();
    await fs.rm(path.join(dataDir, 'uploads'), { recursive: true, force: true });
  });

  it('deletes day-old media no auction or lot references; keeps referenced, recent and seed files', async () => {
    const db = current().db;
    const { auctionId, lotIds } = await publishedAuction(db, now, { lots: [{}] });
    const url = (name: string) => `/uploads/media/${name}`;
    await db
      .update(auctions)
      .set({ coverUrl: url('a-cover.png'), videoUrl: url('a-video.mp4') })
      .where(eq(auctions.id, auctionId));
    await db
      .update(lots)
      .set({ coverUrl: url('l-cover.png'), videoUrl: url('l-video.webm') })
      .where(eq(lots.id, lotIds[0]!));
    await db.insert(lotImages).values({ lotId: lotIds[0]!, url: url('l-image.png'), position: 0 });
    const day = 24 * HOUR;
    for (const name of ['a-cover.png', 'a-video.mp4', 'l-cover.png', 'l-video.webm', 'l-image.png', 'orphan.png'])
      await file(media, name, day + MINUTE);
    await file(media, 'fresh-orphan.png', day - MINUTE);
    await file(demo, 'auction-1-lot-1.svg', 30 * day);

    expect(await sweepOrphanUploads({ db, now })).toBe(1);
    expect(await left(media)).toEqual([
      'a-cover.png',
      'a-video.mp4',
      'fresh-orphan.png',
      'l-cover.png',
      'l-image.png',
      'l-video.webm',
    ]);
    expect(await left(demo)).toEqual(['auction-1-lot-1.svg']);
    // An hour later the fresh one has turned a day old too.
    expect(await sweepOrphanUploads({ db, now: at(now, HOUR) })).toBe(1);
    expect(await left(media)).not.toContain('fresh-orphan.png');
  });

  it('does nothing without a media folder, and deletes a bounded number per run', async () => {
    const db = current().db;
    expect(await sweepOrphanUploads({ db, now })).toBe(0);
    for (let index = 0; index < 205; index++) await file(media, `orphan-${index}.png`, 2 * 24 * HOUR);
    expect(await sweepOrphanUploads({ db, now })).toBe(200);
    expect(await sweepOrphanUploads({ db, now })).toBe(5);
    expect(await left(media)).toEqual([]);
  });

  it('runs from the tick after the counter purge, at most once an hour per process', async () => {
    await file(media, 'first.png', 2 * 24 * HOUR);
    await tickApp(now, 5_000);
    expect(await left(media)).toEqual([]);
    await file(media, 'second.png', 2 * 24 * HOUR);
    await tickApp(at(now, 30 * MINUTE), 5_000);
    expect(await left(media)).toEqual(['second.png']);
    await tickApp(at(now, HOUR), 5_000);
    expect(await left(media)).toEqual([]);
  });
});
