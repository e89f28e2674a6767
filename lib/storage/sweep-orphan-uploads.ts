import 'server-only';
import fs from 'node:fs/promises';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { uploadsDir } from './local-uploads';
import { MEDIA_FOLDER } from './save-media-upload';

/** An upload no form has saved within a day was abandoned (the form closed, the file replaced). */
const ORPHAN_AFTER_MS = 24 * 3_600_000;
/** Files looked up and deleted per sweep at most, so one run stays cheap; the next run takes the rest. */
const MAX_PER_SWEEP = 200;

/**
 * Deletes operators' uploads in the local store (uploads/media, the only folder the upload
 * route writes; never the seed's uploads/demo) that are older than a day by their mtime and
 * that no auction or lot references (cover, video, gallery image). Returns how many it deleted.
 */
export async function sweepOrphanUploads({ db, now }: { db: Database; now: Date }): Promise<number> {
  const folder = path.join(uploadsDir(), MEDIA_FOLDER);
  const entries = await fs.readdir(folder, { withFileTypes: true }).catch(() => []);
  const cutoff = now.getTime() - ORPHAN_AFTER_MS;
  const old: { name: string; url: string }[] = [];
  for (const entry of entries) {
    if (old.length >= MAX_PER_SWEEP) break;
    if (!entry.isFile()) continue;
    const stat = await fs.stat(path.join(folder, entry.name)).catch(() => null);
    if (stat && stat.mtimeMs < cutoff) old.push({ name: entry.name, url: `/uploads/${MEDIA_FOLDER}/${entry.name}` });
  }
  if (old.length === 0) return 0;
  const candidates = sql.join(
    old.map(({ url }) => sql`${url}`),
    sql`, `,
  );
  const referenced = await db.execute<{ url: string }>(sql`
    select url from (
      select cover_url as url from auctions
      union all select video_url from auctions
      union all select cover_url from lots
      union all select video_url from lots
      union all select url from lot_images
    ) refs
    where url in (${candidates})`);
  const kept = new Set(referenced.rows.map((row) => row.url));
  const orphans = old.filter(({ url }) => !kept.has(url));
  await Promise.all(orphans.map(({ name }) => fs.rm(path.join(folder, name), { force: true })));
  return orphans.length;
}
