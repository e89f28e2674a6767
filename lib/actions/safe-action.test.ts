import { createTranslator } from 'next-intl';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import type { CurrentUser } from '@/lib/auth/current-user';
import { zhCNMessages as messages } from '@/lib/i18n/messages';
import { fixedClock, setClock } from '@/lib/clock';
import { AppError } from '@/lib/errors';

const session = vi.hoisted(() => ({ user: null as CurrentUser | null }));

vi.mock('next/headers', () => ({ headers: async () => new Headers() }));
vi.mock('@/lib/auth/current-user', () => ({ currentUser: async () => session.user }));
vi.mock('@/db', () => ({ db: () => ({ fake: 'db' }) }));
vi.mock('next-intl/server', () => ({
  getTranslations: async () => createTranslator({ locale: 'zh-CN', messages }),
}));

const { adminAction, buyerAction, publicAction } = await import('./safe-action');

const schema = z.object({
  title: z.string().min(1, 'validation.nameRequired'),
  amount: z.coerce.number().int().positive(),
});

const buyer: CurrentUser = { id: 7, name: '华新', role: 'buyer' };
const admin: CurrentUser = { id: 1, name: '运营小周', role: 'admin' };

describe('action wrappers', () => {
  const handler = vi.fn(async (input: z.output<typeof schema>, context: { user: CurrentUser | null }) => ({
    saved: input.title,
    by: context.user?.id ?? null,
  }));
  beforeEach(() => {
    handler.mockClear();
    session.user = null;
  });

  it('refuses anonymous callers and buyers before looking at the input', async () => {
    const action = adminAction(schema, handler);
    expect(await action({ title: '', amount: -1 })).toMatchObject({
      ok: false,
      code: 'UNAUTHENTICATED',
      error: '请先登录',
    });
    session.user = buyer;
    expect(await action({ title: 'x', amount: 1 })).toMatchObject({ ok: false, code: 'FORBIDDEN', fieldErrors: {} });
    expect(handler).not.toHaveBeenCalled();
  });

  it('lets buyer actions in for buyers only, with the database and the time from the clock', async () => {
    const action = buyerAction(schema, handler);
    session.user = admin;
    expect(await action({ title: 'x', amount: 1 })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    session.user = buyer;
    const at = new Date('2026-11-25T12:00:00Z');
    const restore = setClock(fixedClock(at));
    try {
      expect(await action({ title: '普洱', amount: 1 })).toEqual({ ok: true, data: { saved: '普洱', by: buyer.id } });
    } finally {
      restore();
    }
    expect(handler.mock.calls[0]?.[1]).toEqual({ user: buyer, db: { fake: 'db' }, ip: null, now: at });
  });

  it('returns every field error, translated, and never calls the handler on bad input', async () => {
    session.user = admin;
    const result = await adminAction(schema, handler)({ title: '', amount: 'lots' } as never);
    expect(result).toEqual({
      ok: false,
      code: 'VALIDATION',
      error: '请检查填写的内容',
      fieldErrors: { title: ['请填写昵称'], amount: ['内容格式不正确'] },
    });
    expect(handler).not.toHaveBeenCalled();
  });

  it('reads form posts', async () => {
    const form = new FormData();
    form.set('title', '龙井');
    form.set('amount', '3');
    form.set('$ACTION_ID_abc', '');
    expect(await publicAction(schema, handler)(form)).toEqual({ ok: true, data: { saved: '龙井', by: null } });
  });

  it('passes domain refusals through with their code and hides unexpected errors', async () => {
    const conflict = publicAction(schema, async () => {
      throw new AppError('CONFLICT');
    });
    expect(await conflict({ title: 'x', amount: 1 })).toMatchObject({
      ok: false,
      code: 'CONFLICT',
      error: '操作冲突，请刷新后重试',
    });
    const consoleError = vi.spyOn(console, 'error').mockImplementation(() => {});
    const broken = publicAction(schema, async () => {
      throw new Error('connection string postgres://secret@db');
    });
    const result = await broken({ title: 'x', amount: 1 });
    expect(result).toMatchObject({ ok: false, code: 'INTERNAL', requestId: expect.stringMatching(/^[0-9a-f]{12}$/) });
    expect(result.ok === false && result.error).toBe(
      `服务器出错了，请稍后再试（错误编号 ${result.ok === false && result.requestId}）`,
    );
    expect(JSON.stringify(result)).not.toContain('secret');
    consoleError.mockRestore();
  });

  it('logs a database failure by code, SQLSTATE and request id, without the statement parameters', async () => {
    const consoleError = vi.spyOn(console, 'error').mockImplementation(() => {});
    const driver = Object.assign(new Error('duplicate key value violates unique constraint "users_phone_key"'), {
      code: '23505',
      detail: 'Key (phone)=(13912345678) already exists.',
    });
    const broken = publicAction(schema, async () => {
      throw new Error(
        'Failed query: insert into "users" ("name", "password_hash") values ($1, $2)\nparams: 林一,$2b$10$abcdefghijklmnopqrstuv',
        { cause: driver },
      );
    });
    const result = await broken({ title: 'x', amount: 1 });
    const logged = consoleError.mock.calls.map((call) => call.map(String).join(' ')).join('\n');
    consoleError.mockRestore();
    expect(logged).toContain(`requestId=${result.ok === false ? result.requestId : 'none'}`);
    expect(logged).toContain('sqlstate=23505');
    for (const secret of ['$2b$10$', '林一', '13912345678', 'password_hash']) expect(logged).not.toContain(secret);
  });

  it('answers VALIDATION, without calling the handler, to anything that is not the form', async () => {
    session.user = buyer;
    const action = buyerAction(schema, handler);
    for (const raw of [
      undefined,
      null,
      'title=x',
      42,
      [{ title: 'x', amount: 1 }],
      new Map(),
      { title: { $gt: '' }, amount: 1 },
    ]) {
      expect(await action(raw as never), String(raw)).toMatchObject({ ok: false, code: 'VALIDATION' });
    }
    expect(handler).not.toHaveBeenCalled();
  });
});
