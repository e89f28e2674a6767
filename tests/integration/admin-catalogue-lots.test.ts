import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { createTranslator } from 'next-intl';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { adminAuditLog, auctions, lotImages, lots } from '@/db/schema';
import { setClock, fixedClock } from '@/lib/clock';
import { zhCNMessages as messages } from '@/lib/i18n/messages';
import { newAuctionFormValues } from '@/lib/auctions/auction-form-defaults';
import { seedBuyer } from '../support/factories';
import { placeBid } from '@/lib/bidding/place-bid';
import { DAY, MINUTE, at, payDeposit, publishedAuction, tick, yuan } from '../support/lifecycle';
import { databaseForEachTest, type TestDatabase } from '../support/test-database';

const state = vi.hoisted(() => ({ userId: null as number | null, database: null as TestDatabase | null }));
vi.mock('next/headers', () => ({ headers: async () => new Headers() }));
vi.mock('@/lib/auth', () => ({ auth: async () => (state.userId ? { user: { id: String(state.userId) } } : null) }));
vi.mock('@/db', async (original) => ({
  ...(await original<typeof import('@/db')>()),
  db: () => state.database!.db,
  appDatabase: () => state.database!,
}));
vi.mock('next-intl/server', () => ({ getTranslations: async () => createTranslator({ locale: 'zh-CN', messages }) }));
const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'gavel-uploads-'));
vi.stubEnv('AUTH_SECRET', 'admin-catalogue-auth-secret-0123456789');
vi.stubEnv('CRON_SECRET', 'admin-catalogue-cron-secret-0123456789');
vi.stubEnv('APP_TIME_ZONE', 'Asia/Shanghai');
vi.stubEnv('GAVEL_DATA_DIR', dataDir);

const lotActions = await import('@/actions/admin-lots');
const { POST: uploadRoute } = await import('@/app/api/admin/uploads/route');
const { relistAuctionAction, createAuctionAction } = await import('@/actions/admin-auctions');
const now = new Date('2026-11-25T04:00:00Z');
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 73, 72, 68, 82]);

const lotForm = (auctionId: number) => ({
  auctionId,
  title: '明前龙井',
  description: '一级',
  coverUrl: '/uploads/media/cover.png',
  images: ['/uploads/media/a.png', '/uploads/media/b.png'],
  startPrice: '100',
  reservePrice: '150',
  depositAmount: '200',
  estimateLow: '120',
  estimateHigh: '300',
});

describe('admin lot actions', () => {
  const current = databaseForEachTest('pglite');
  let admin: number;

  beforeEach(async () => {
    state.database = current();
    admin = (await seedBuyer(current().db, { role: 'admin' })).id;
    state.userId = admin;
    setClock(fixedClock(now));
  });

  const db = () => current().db;
  const auditActions = async () => (await db().select().from(adminAuditLog)).map((row) => row.action);
  const lotRow = async (lotId: number) => (await db().select().from(lots).where(eq(lots.id, lotId)))[0]!;
  async function draft() {
    const result = await createAuctionAction({ ...newAuctionFormValues(now, 'Asia/Shanghai'), title: '草稿' });
    if (!result.ok) throw new Error(result.error);
    return result.data.auctionId;
  }
  async function addLot(auctionId: number, title = '明前龙井') {
    const result = await lotActions.createLotAction({ ...lotForm(auctionId), title });
    if (!result.ok) throw new Error(result.error);
    return result.data.lotId;
  }
  const editOf = async (lotId: number) => {
    const lot = await lotRow(lotId);
    return { ...lotForm(lot.auctionId), lotId, version: lot.version };
  };

  describe('authorisation: every action refuses anonymous, buyer and blocked sessions', () => {
    const calls = {
      createLot: () => lotActions.createLotAction(lotForm(1)),
      updateLot: () => lotActions.updateLotAction({ ...lotForm(1), lotId: 1, version: 1 }),
      reorderLots: () => lotActions.reorderLotsAction({ auctionId: 1, lotIds: [1] }),
      removeLot: () => lotActions.removeLotAction({ lotId: 1 }),
    };
    for (const [name, call] of Object.entries(calls)) {
      it(`${name}: anonymous, buyer and blocked admin are refused`, async () => {
        const buyer = await seedBuyer(db());
        const blocked = await seedBuyer(db(), { role: 'admin', blocked: true });
        const codes = [];
        for (const userId of [null, buyer.id, blocked.id]) {
          state.userId = userId;
          const result = await call();
          codes.push(result.ok ? 'ok' : result.code);
        }
        expect(codes).toEqual(['UNAUTHENTICATED', 'FORBIDDEN', 'UNAUTHENTICATED']);
        expect(await db().select().from(lots)).toHaveLength(0);
        expect(await auditActions()).toEqual([]);
      });
    }
  });

  it('adds lots in order with images and defaults, audited; refuses bad prices per field', async () => {
    const auctionId = await draft();
    const first = await addLot(auctionId);
    const second = await addLot(auctionId, '第二件');
    expect(await lotRow(first)).toMatchObject({
      position: 0,
      status: 'draft',
      startPrice: yuan(100),
      reservePrice: yuan(150),
      depositAmount: yuan(200),
      estimateLow: yuan(120),
      estimateHigh: yuan(300),
    });
    expect((await lotRow(second)).position).toBe(1);
    expect((await db().select().from(lotImages).where(eq(lotImages.lotId, first))).map((image) => image.url)).toEqual([
      '/uploads/media/a.png',
      '/uploads/media/b.png',
    ]);
    const bad = await lotActions.createLotAction({
      ...lotForm(auctionId),
      startPrice: 'abc',
      estimateLow: '500',
      images: ['javascript:alert(1)'],
    });
    expect(bad).toMatchObject({ ok: false, code: 'VALIDATION' });
    if (!bad.ok) expect(Object.keys(bad.fieldErrors)).toEqual(expect.arrayContaining(['startPrice', 'images.0']));
    expect(await auditActions()).toEqual(['auction.create', 'lot.create', 'lot.create']);
  });

  it('adding a lot to a scheduled auction publishes it into its staggered slot', async () => {
    const { auctionId, endsAt, previewStartsAt } = await publishedAuction(db(), now, {
      settings: { closingIntervalSeconds: 60 },
    });
    const lotId = await addLot(auctionId);
    expect(await lotRow(lotId)).toMatchObject({
      status: 'scheduled',
      scheduledEndsAt: at(endsAt, MINUTE),
      endsAt: at(endsAt, MINUTE),
      nextTransitionAt: previewStartsAt,
    });
  });

  it('two operators saving one lot: the later save is STALE_WRITE and changes nothing', async () => {
    const lotId = await addLot(await draft());
    const loaded = await editOf(lotId);
    expect(await lotActions.updateLotAction({ ...loaded, title: '甲' })).toMatchObject({
      ok: true,
      data: { version: 2 },
    });
    state.userId = (await seedBuyer(db(), { role: 'admin' })).id;
    expect(await lotActions.updateLotAction({ ...loaded, title: '乙' })).toMatchObject({
      ok: false,
      code: 'STALE_WRITE',
    });
    expect(await lotRow(lotId)).toMatchObject({ title: '甲', version: 2 });
  });

  it('in preview takes text and images but refuses prices, deposit, reserve and estimate as FIELD_LOCKED', async () => {
    const { auctionId, lotIds, previewStartsAt } = await publishedAuction(db(), now);
    setClock(fixedClock(at(previewStartsAt, MINUTE)));
    const lot = await lotRow(lotIds[0]!);
    const loaded = {
      lotId: lot.id,
      version: lot.version,
      title: lot.title,
      description: lot.description,
      coverUrl: '',
      images: [] as string[],
      startPrice: '100',
      reservePrice: '',
      depositAmount: '200',
      estimateLow: '',
      estimateHigh: '',
    };
    expect(
      await lotActions.updateLotAction({ ...loaded, title: '预展中改名', images: ['/uploads/media/x.png'] }),
    ).toMatchObject({ ok: true });
    const locked = await lotActions.updateLotAction({
      ...loaded,
      version: 2,
      title: '预展中改名',
      images: ['/uploads/media/x.png'],
      startPrice: '90',
      reservePrice: '500',
      estimateHigh: '900',
    });
    expect(locked).toMatchObject({ ok: false, code: 'FIELD_LOCKED' });
    if (!locked.ok)
      expect(Object.keys(locked.fieldErrors).sort()).toEqual(['estimateHigh', 'reservePrice', 'startPrice']);
    expect(await lotRow(lot.id)).toMatchObject({ title: '预展中改名', startPrice: yuan(100), version: 2 });
    // Adding, moving and removing lots is over once the preview started.
    expect(await lotActions.createLotAction(lotForm(auctionId))).toMatchObject({ ok: false, code: 'WRONG_STATE' });
    expect(await lotActions.removeLotAction({ lotId: lot.id })).toMatchObject({ ok: false, code: 'WRONG_STATE' });
    expect(await lotActions.reorderLotsAction({ auctionId, lotIds })).toMatchObject({ ok: false, code: 'WRONG_STATE' });
  });

  it("reorders lots (their slots follow) and refuses a list that is not the auction's lots", async () => {
    const { auctionId, lotIds, endsAt } = await publishedAuction(db(), now, {
      lots: [{}, {}],
      settings: { closingIntervalSeconds: 60 },
    });
    const reversed = [...lotIds].reverse();
    expect(await lotActions.reorderLotsAction({ auctionId, lotIds: reversed })).toMatchObject({ ok: true });
    expect((await lotRow(reversed[0]!)).scheduledEndsAt).toEqual(endsAt);
    expect((await lotRow(reversed[1]!)).scheduledEndsAt).toEqual(at(endsAt, MINUTE));
    for (const wrong of [[lotIds[0]!], [lotIds[0]!, lotIds[0]!], [...lotIds, 999]]) {
      expect(await lotActions.reorderLotsAction({ auctionId, lotIds: wrong })).toMatchObject({
        ok: false,
        code: 'VALIDATION',
      });
    }
    expect(await auditActions()).toEqual(['lot.reorder']);
  });

  it('removes a lot before preview, but never the last lot of a published auction', async () => {
    const auctionId = await draft();
    const lotId = await addLot(auctionId);
    expect(await lotActions.removeLotAction({ lotId })).toMatchObject({ ok: true });
    expect(await db().select().from(lots)).toHaveLength(0);
    expect(await db().select().from(lotImages)).toHaveLength(0);
    const published = await publishedAuction(db(), now);
    expect(await lotActions.removeLotAction({ lotId: published.lotIds[0]! })).toMatchObject({
      ok: false,
      code: 'WRONG_STATE',
    });
    expect(await lotActions.removeLotAction({ lotId: 99_999 })).toMatchObject({ ok: false, code: 'NOT_FOUND' });
  });
});

describe('the local-store upload route (POST /api/admin/uploads)', () => {
  const current = databaseForEachTest('pglite');

  beforeEach(async () => {
    state.database = current();
    state.userId = (await seedBuyer(current().db, { role: 'admin' })).id;
    setClock(fixedClock(now));
  });

  const db = () => current().db;
  const stored = async () => fs.readdir(path.join(dataDir, 'uploads', 'media')).catch(() => []);
  const post = (kind: string | null, body: BodyInit | null, headers: Record<string, string> = {}) =>
    uploadRoute(
      new Request('http://127.0.0.1/api/admin/uploads', {
        method: 'POST',
        body,
        headers: { ...headers, ...(kind === null ? {} : { 'x-upload-kind': kind }) },
        duplex: 'half', // a streamed body needs it (undici); the DOM typings do not know it
      } as RequestInit),
    );
  /** A body of `chunks` chunks (the first a PNG, the rest 64 KiB) that counts how many the server pulled. */
  function countingStream(chunks: number, first: Uint8Array = PNG) {
    const pulled = { chunks: 0 };
    const stream = new ReadableStream<Uint8Array>(
      {
        pull(controller) {
          if (pulled.chunks === chunks) return controller.close();
          controller.enqueue(pulled.chunks === 0 ? first : new Uint8Array(64 * 1024));
          pulled.chunks++;
        },
      },
      { highWaterMark: 0 }, // pulled only when the server reads, not ahead
    );
    return { stream, pulled };
  }

  it('stores an image by its content under a fresh name and serves it under /uploads/', async () => {
    const before = (await stored()).length;
    const answer = await post('image', new Uint8Array(PNG), { 'content-type': 'image/gif' });
    expect(answer.status).toBe(200);
    expect(await answer.json()).toEqual({ url: expect.stringMatching(/^\/uploads\/media\/[0-9a-f-]+\.png$/) });
    expect((await stored()).length).toBe(before + 1);
  });

  it('refuses anonymous, buyer and blocked admin callers before reading a byte of the body', async () => {
    const buyer = await seedBuyer(db());
    const blocked = await seedBuyer(db(), { role: 'admin', blocked: true });
    const before = (await stored()).length;
    const answers = [];
    for (const userId of [null, buyer.id, blocked.id]) {
      state.userId = userId;
      const { stream, pulled } = countingStream(4);
      const answer = await post('image', stream);
      answers.push([answer.status, (await answer.json()).error, pulled.chunks]);
    }
    expect(answers).toEqual([
      [401, 'UNAUTHENTICATED', 0],
      [403, 'FORBIDDEN', 0],
      [401, 'UNAUTHENTICATED', 0],
    ]);
    expect((await stored()).length).toBe(before);
  });
  it('refuses an oversized body with 413 while streaming it, or at once by its Content-Length; nothing is written', async () => {
    const before = (await stored()).length;
    const { stream, pulled } = countingStream(200); // 12.5 MiB, past the image cap of 4 MiB
    const streamed = await post('image', stream);
    expect(streamed.status).toBe(413);
    expect(await streamed.json()).toMatchObject({ error: 'PAYLOAD_TOO_LARGE' });
    expect(pulled.chunks).toBeLessThanOrEqual(4 * 16 + 2);

    const declared = countingStream(4);
    const answer = await post('image', declared.stream, { 'content-length': String(4 * 1024 * 1024 + 1) });
    expect(answer.status).toBe(413);
    expect(declared.pulled.chunks).toBe(0);
    expect((await stored()).length).toBe(before);
  });

  it('refuses an empty file, a wrong type (by its bytes, whatever it claims), a picture as a video and an unknown kind with 400; nothing is left behind', async () => {
    const before = (await stored()).length;
    const heic = Buffer.from([0, 0, 0, 0x18, ...Buffer.from('ftypheic'), 0, 0, 0, 0]);
    const cases: [string, Buffer, string][] = [
      ['image', Buffer.alloc(0), 'uploads.empty'],
      ['image', Buffer.from('<svg onload=alert(1)>'), 'uploads.wrongType'],
      ['video', PNG, 'uploads.wrongType'],
      ['video', heic, 'uploads.wrongType'],
    ];
    for (const [kind, body, key] of cases) {
      const answer = await post(kind, new Uint8Array(body), { 'content-type': 'image/png' });
      expect(answer.status, key).toBe(400);
      expect(await answer.json()).toMatchObject({ error: 'VALIDATION', fieldErrors: { file: [key] } });
    }
    for (const kind of ['document', null])
      expect((await post(kind, new Uint8Array(PNG))).status, String(kind)).toBe(400);
    expect((await stored()).length).toBe(before);
  });
});

describe('relisting an ended auction', () => {
  const current = databaseForEachTest('pglite');

  beforeEach(async () => {
    state.database = current();
    state.userId = (await seedBuyer(current().db, { role: 'admin' })).id;
  });

  const db = () => current().db;
  const relistForm = (sourceAuctionId: number, lotIds: number[]) => ({
    sourceAuctionId,
    auction: { ...newAuctionFormValues(at(now, 2 * DAY), 'Asia/Shanghai'), title: '二拍' },
    lots: lotIds.map((lotId) => ({
      lotId,
      startPrice: '50',
      reservePrice: '',
      depositAmount: '100',
      estimateLow: '',
      estimateHigh: '',
    })),
  });

  it('copies the unsold and overdue lots with images into one new draft at the new prices, once', async () => {
    const buyer = await seedBuyer(db());
    const { auctionId, lotIds, startsAt, endsAt } = await publishedAuction(db(), now, {
      lots: [{ title: '卖出' }, { title: '流拍' }, { title: '逾期' }],
    });
    await db().insert(lotImages).values({ lotId: lotIds[1]!, url: '/uploads/media/unsold.png', position: 0 });
    await tick(db(), startsAt);
    await payDeposit(db(), { userId: buyer.id, auctionId, now: startsAt });
    await placeBid({ db: db(), userId: buyer.id, lotId: lotIds[0]!, amount: yuan(100), now: at(startsAt, MINUTE) });
    await placeBid({ db: db(), userId: buyer.id, lotId: lotIds[2]!, amount: yuan(100), now: at(startsAt, MINUTE) });
    await tick(db(), endsAt);
    // Lot 0's order is paid by nobody either; both orders go overdue after 24 h.
    const later = at(endsAt, 2 * DAY);
    setClock(fixedClock(later));
    const { relistCandidates } = await import('@/lib/auctions/relist-candidates');
    const { DEFAULT_RULES } = await import('@/lib/engine/rules');
    const candidates = await relistCandidates({ db: db(), auctionId, now: later, rules: DEFAULT_RULES });
    expect(candidates.map((lot) => [lot.title, lot.status])).toEqual([
      ['卖出', 'overdue'],
      ['流拍', 'unsold'],
      ['逾期', 'overdue'],
    ]);
    const result = await relistAuctionAction(relistForm(auctionId, [lotIds[1]!, lotIds[2]!]));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const copies = await db()
      .select()
      .from(lots)
      .where(eq(lots.auctionId, result.data.auctionId))
      .orderBy(lots.position);
    expect(copies.map((lot) => [lot.title, lot.status, lot.startPrice, lot.depositAmount])).toEqual([
      ['流拍', 'draft', yuan(50), yuan(100)],
      ['逾期', 'draft', yuan(50), yuan(100)],
    ]);
    expect(
      (await db().select().from(lotImages).where(eq(lotImages.lotId, copies[0]!.id))).map((image) => image.url),
    ).toEqual(['/uploads/media/unsold.png']);
    expect((await db().select().from(auctions).where(eq(auctions.id, result.data.auctionId)))[0]).toMatchObject({
      status: 'draft',
      title: '二拍',
    });
    // A second click, or a second operator, does not relist the same lot again.
    expect(await relistAuctionAction(relistForm(auctionId, [lotIds[1]!]))).toMatchObject({
      ok: false,
      code: 'VALIDATION',
      fieldErrors: { 'lots.0.lotId': [expect.any(String)] },
    });
    expect(await db().select().from(auctions)).toHaveLength(2);
    const left = await relistCandidates({ db: db(), auctionId, now: later, rules: DEFAULT_RULES });
    expect(left.map((lot) => lot.title)).not.toContain('流拍');
    expect(left.map((lot) => lot.title)).not.toContain('逾期');
  });

  it('refuses an auction that has not ended, and a lot that was not unsold or overdue', async () => {
    const buyer = await seedBuyer(db());
    const { auctionId, lotIds, startsAt, endsAt } = await publishedAuction(db(), now, { lots: [{}, {}] });
    setClock(fixedClock(startsAt));
    expect(await relistAuctionAction(relistForm(auctionId, [lotIds[1]!]))).toMatchObject({
      ok: false,
      code: 'WRONG_STATE',
    });
    await tick(db(), startsAt);
    await payDeposit(db(), { userId: buyer.id, auctionId, now: startsAt });
    await placeBid({ db: db(), userId: buyer.id, lotId: lotIds[0]!, amount: yuan(100), now: at(startsAt, MINUTE) });
    await tick(db(), endsAt);
    setClock(fixedClock(at(endsAt, MINUTE)));
    const sold = await relistAuctionAction(relistForm(auctionId, [lotIds[0]!, lotIds[1]!]));
    expect(sold).toMatchObject({
      ok: false,
      code: 'VALIDATION',
      fieldErrors: { 'lots.0.lotId': [expect.any(String)] },
    });
    expect(await db().select().from(auctions)).toHaveLength(1);
  });
});
