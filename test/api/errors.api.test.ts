// Every error answer in one shape and the right status, with its request id, and every 5xx
// in the log with its error and stack, through buildServer(...).inject. Temporal is a
// client whose server does not answer (no retry interceptor, so it fails at once, as a
// restarting cluster would), and the database a real migrated SQLite file.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Client, Connection } from '@temporalio/client';
import type { FastifyInstance } from 'fastify';
import type { InjectOptions } from 'light-my-request';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServer } from '../../src/api/server';
import { createDb } from '../../src/db';
import { ServiceError } from '../../src/services/errors';
import { seedDeadline, seedObligation } from '../helpers/fixtures';
import { bearer, grantToken } from '../helpers/principals';
import { createTestDb } from '../helpers/test-db';

// 10/03/2026: the 2026 period of "trước ngày 05/11 hằng năm" has begun (window from 15/12/2025).
const NOW = new Date('2026-03-10T03:00:00Z');

interface LogLine {
  level: number;
  msg: string;
  reqId?: string;
  err?: { type: string; message: string; stack: string };
  req?: Record<string, unknown>;
  res?: { statusCode: number };
}

const importBody = (over: { number?: string; spanTo?: number; issuedOn?: string } = {}) => ({
  organisation: { id: 'xa-an-phu', name: 'UBND xã An Phú', kind: 'commune' },
  plan: { number: over.number ?? '12/KH-UBND', title: 'Kế hoạch công tác dân vận', issuedOn: over.issuedOn ?? '2026-01-05', spanFrom: 2026, spanTo: over.spanTo ?? 2030 },
  agencies: [{ name: 'Phòng Kinh tế' }],
  obligations: [{ reporter: 'Phòng Kinh tế', ruleText: 'trước ngày 05/11 hằng năm' }],
});

describe('error answers and the log', () => {
  let testDb: ReturnType<typeof createTestDb>;
  let connection: Connection;
  let app: FastifyInstance;
  const lines: LogLine[] = [];
  let anPhu: Record<string, string>;
  const as = (request: InjectOptions, headers: Record<string, string> = anPhu): InjectOptions => ({ ...request, headers: { ...headers, ...request.headers } });
  const raw: string[] = [];

  beforeAll(async () => {
    testDb = createTestDb();
    // Port 1 refuses connections; without the SDK's retry interceptor the failure is immediate.
    connection = Connection.lazy({ address: '127.0.0.1:1', interceptors: [] });
    app = buildServer(
      { db: testDb.db, temporal: new Client({ connection }), taskQueue: 'errors-test', clock: () => NOW, searchAttributes: false },
      { logger: { level: 'info', stream: { write: (line: string) => (raw.push(line), lines.push(JSON.parse(line) as LogLine)) } } },
    );
    // The coordinators of the two communes these tests act for (API tokens: no CSRF needed).
    await testDb.db.organisation.create({ data: { id: 'xa-an-phu', name: 'UBND xã An Phú', kind: 'commune' } });
    anPhu = bearer(await grantToken(testDb.db, { organisationId: 'xa-an-phu', role: 'coordinator' }));
    // Two routes of this test only, to reach the table with what no real route raises yet.
    app.get('/test/rate-limited', { config: { access: { action: 'public' } } }, async () => {
      throw new ServiceError('rate-limited', 'Đã gửi nhắc quá nhiều lần hôm nay', 'Too many reminders today');
    });
    app.post('/test/crash', { config: { access: { action: 'public' } } }, async () => {
      throw new TypeError('kaboom in a handler');
    });
  });

  afterAll(async () => {
    await app?.close();
    await connection?.close();
    await testDb?.cleanup();
  });

  const counts = async () => ({ plans: await testDb.db.plan.count(), obligations: await testDb.db.obligation.count(), deadlines: await testDb.db.deadline.count() });

  it('logs a 500 with its error and stack under the request id the answer carries, and never a secret or a body', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/test/crash?token=s3cret-in-query',
      headers: { authorization: 'Bearer s3cret-token', cookie: 'sid=s3cret-cookie' },
      payload: { password: 's3cret-body' },
    });
    expect(res.statusCode).toBe(500);
    const id = res.headers['x-request-id'];
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    expect(res.json()).toMatchObject({ error: 'internal', details: [], detailsEn: [], requestId: id });
    expect(res.json().message).toContain(id);
    expect(res.body).not.toContain('kaboom');
    expect(res.body).not.toContain('at ');

    const mine = lines.filter((l) => l.reqId === id);
    const error = mine.find((l) => l.level === 50);
    expect(error?.err).toMatchObject({ type: 'TypeError', message: 'kaboom in a handler' });
    expect(error!.err!.stack).toContain('errors.api.test.ts');
    expect(mine.find((l) => l.msg === 'request completed')?.res?.statusCode).toBe(500);
    expect(mine.find((l) => l.msg === 'incoming request')?.req).toMatchObject({ method: 'POST', url: '/test/crash' });
    expect(raw.filter((l) => l.includes('s3cret'))).toEqual([]);
  });

  it('logs a real route\'s 500 (a database that was never migrated)', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hbc-empty-'));
    const db = createDb(`file:${path.join(dir, 'empty.sqlite')}`);
    const own: LogLine[] = [];
    const broken = buildServer(
      { db, temporal: new Client({ connection }), taskQueue: 'errors-test', clock: () => NOW, searchAttributes: false },
      { logger: { level: 'info', stream: { write: (line: string) => own.push(JSON.parse(line) as LogLine) } } },
    );
    try {
      // Who is calling is looked up in that database first: any token will do.
      const res = await broken.inject({ method: 'GET', url: '/api/deadlines', headers: bearer('hbc_any') });
      expect(res.statusCode).toBe(500);
      const logged = own.find((l) => l.level === 50 && l.reqId === res.headers['x-request-id']);
      expect(logged?.err?.stack).toMatch(/\S/);
    } finally {
      await broken.close();
      await db.$disconnect();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('answers 503 "confirm again later" when Temporal is unreachable, logged with the cause, and the plan stays saved', async () => {
    const res = await app.inject(as({ method: 'POST', url: '/api/imports', payload: importBody() }));
    expect(res.statusCode).toBe(503);
    expect(res.json()).toMatchObject({ error: 'unavailable', message: expect.stringContaining('xác nhận lại sau'), messageEn: expect.stringContaining('confirm again later') });
    const logged = lines.find((l) => l.level === 50 && l.reqId === res.headers['x-request-id']);
    expect(logged?.err?.message).toContain('UNAVAILABLE');
    expect(await counts()).toEqual({ plans: 1, obligations: 1, deadlines: 1 });
  });

  it('answers 503 for an Update while Temporal is unreachable (it was a 500)', async () => {
    const deadline = await testDb.db.deadline.findFirstOrThrow();
    const res = await app.inject(as({ method: 'POST', url: `/api/deadlines/${deadline.id}/remind`, payload: { requestedBy: 'Phòng Văn hóa – Xã hội' } }));
    expect(res.statusCode).toBe(503);
    expect(res.json()).toMatchObject({ error: 'unavailable', message: expect.stringContaining('thử lại sau') });
  });

  it('answers 400 with the calculus\'s own words when it refuses a plan saved before the schema checked spans (it was 503 forever)', async () => {
    // A plan row an older version accepted: 2026-2080 is 55 years, over the calculus's 50.
    await testDb.db.organisation.create({ data: { id: 'xa-tan-lap', name: 'UBND xã Tân Lập', kind: 'commune' } });
    await testDb.db.plan.create({
      data: { id: 'xa-tan-lap.7-kh-ubnd', organisationId: 'xa-tan-lap', number: '7/KH-UBND', title: 'Kế hoạch cũ', issuedOn: '2026-01-05', spanFrom: 2026, spanTo: 2080 },
    });
    const body = { ...importBody({ number: '7/KH-UBND' }), organisation: { id: 'xa-tan-lap', name: 'UBND xã Tân Lập', kind: 'commune' } };
    const res = await app.inject(as({ method: 'POST', url: '/api/imports', payload: body }, bearer(await grantToken(testDb.db, { organisationId: 'xa-tan-lap', role: 'coordinator' }))));
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({
      error: 'invalid-input',
      message: expect.stringContaining('quá 50 năm'),
      messageEn: expect.stringContaining('exceeds 50 years'),
      details: ['invalid-span'],
    });
  });

  it.each([
    ['a 51-year span', importBody({ spanTo: 2076 }), 'plan.spanTo: giai đoạn 2026-2076 dài hơn 50 năm', 'plan.spanTo: span 2026-2076 is longer than 50 years'],
    ['an issue day that does not exist', importBody({ issuedOn: '2026-02-30' }), 'plan.issuedOn: Ngày không tồn tại: 30/2/2026', 'plan.issuedOn: No such day: 30/2/2026'],
  ])('refuses %s in the import schema with 400, before writing anything', async (_what, payload, vi, en) => {
    const before = await counts();
    const res = await app.inject(as({ method: 'POST', url: '/api/imports', payload: { ...payload, plan: { ...payload.plan, number: '99/KH-UBND' } } }));
    expect(res.statusCode).toBe(400);
    expect(res.json().details).toContain(vi);
    expect(res.json().detailsEn).toContain(en);
    expect(await counts()).toEqual(before);
  });

  it('refuses an extension to 2026-02-31 with 400 at the edge (it reached the workflow and came back 409)', async () => {
    const deadline = await testDb.db.deadline.findFirstOrThrow();
    const res = await app.inject(as({ method: 'POST', url: `/api/deadlines/${deadline.id}/extension`, payload: { newLastDay: '2026-02-31', reason: 'Lũ lụt', grantedBy: 'Chủ tịch UBND xã' } }));
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ error: 'invalid-input', details: ['newLastDay: Ngày không tồn tại: 31/2/2026'], detailsEn: ['newLastDay: No such day: 31/2/2026'] });
  });

  it('gives zod\'s own messages in Vietnamese in details and in English in detailsEn, as "path: message"', async () => {
    const deadline = await testDb.db.deadline.findFirstOrThrow();
    const res = await app.inject(as({ method: 'POST', url: `/api/deadlines/${deadline.id}/submission`, payload: { submittedBy: '', link: 'not a link', note: 5 } }));
    expect(res.statusCode).toBe(400);
    expect(res.json().details).toEqual([
      'submittedBy: không được để trống',
      'note: Đầu vào không hợp lệ: mong đợi string, nhận được số',
      'link: URL không hợp lệ',
    ]);
    expect(res.json().detailsEn).toEqual(['submittedBy: required', 'note: Invalid input: expected string, received number', 'link: Invalid URL']);
    expect(res.json().message).toBe('Dữ liệu không hợp lệ');
  });

  it('refuses a second reminder by hand within the hour with 429 and the time the next one is possible', async () => {
    await seedObligation(testDb.db);
    await seedDeadline(testDb.db, {
      id: 'obl.2026', periodKey: '2026', periodLabel: 'Năm 2026', lastDay: '2026-11-04',
      dueAt: new Date('2026-11-04T17:00:00Z'), dataFrom: '2025-12-15', dataTo: '2026-12-14',
    });
    const requested = (minutesAgo: number) =>
      testDb.db.deadlineEvent.create({
        data: { deadlineId: 'obl.2026', type: 'reminder-requested', at: new Date(NOW.getTime() - minutesAgo * 60_000), payload: '{}' },
      });
    await requested(61);
    // An hour and a minute ago: allowed, so the request reaches Temporal (unreachable here: 503).
    const org = bearer(await grantToken(testDb.db, { organisationId: 'org', role: 'coordinator' }));
    const allowed = await app.inject(as({ method: 'POST', url: '/api/deadlines/obl.2026/remind', payload: { requestedBy: 'Phòng VH-XH' } }, org));
    expect(allowed.statusCode).toBe(503);
    await requested(10);
    const refused = await app.inject(as({ method: 'POST', url: '/api/deadlines/obl.2026/remind', payload: { requestedBy: 'Phòng VH-XH' } }, org));
    expect(refused.statusCode).toBe(429);
    expect(refused.json()).toMatchObject({
      error: 'rate-limited',
      message: 'Đã gửi nhắc lúc 09:50 Thứ Ba, 10/03/2026; mỗi hạn báo cáo chỉ nhắc tay một lần mỗi giờ. Có thể nhắc lại từ 10:50 Thứ Ba, 10/03/2026.',
    });
  });

  it('maps rate-limited to 429', async () => {
    const res = await app.inject({ method: 'GET', url: '/test/rate-limited' });
    expect(res.statusCode).toBe(429);
    expect(res.json()).toMatchObject({ error: 'rate-limited', message: 'Đã gửi nhắc quá nhiều lần hôm nay', messageEn: 'Too many reminders today' });
  });

  it.each([
    ['an unknown API route', { method: 'GET', url: '/api/nope?x=1' }, 404, 'not-found', 'Không có địa chỉ GET /api/nope', 'Route GET:/api/nope not found'],
    ['an unknown page asked for as JSON', { method: 'GET', url: '/nope' }, 404, 'not-found', 'Không có địa chỉ GET /nope', 'Route GET:/nope not found'],
    [
      'malformed JSON',
      { method: 'POST', url: '/api/deadlines/x/remind', headers: { 'content-type': 'application/json' }, payload: '{"requestedBy":' },
      400,
      'bad-request',
      'không phải JSON hợp lệ',
      'not valid JSON',
    ],
    [
      'an empty JSON body',
      { method: 'POST', url: '/api/deadlines/x/remind', headers: { 'content-type': 'application/json' }, payload: '' },
      400,
      'bad-request',
      'đang trống',
      'is empty',
    ],
    [
      'an unsupported content type',
      { method: 'POST', url: '/api/deadlines/x/remind', headers: { 'content-type': 'application/xml' }, payload: '<a/>' },
      415,
      'bad-request',
      'không nhận loại nội dung "application/xml"',
      'Unsupported content type "application/xml"',
    ],
    [
      'a body over the limit',
      { method: 'POST', url: '/api/deadlines/x/remind', headers: { 'content-type': 'application/json' }, payload: JSON.stringify({ note: 'x'.repeat(1_100_000) }) },
      413,
      'bad-request',
      'quá lớn',
      'too large',
    ],
    ['a malformed URL', { method: 'GET', url: '/deadlines/%E0%A4%A' }, 400, 'bad-request', 'Địa chỉ không hợp lệ', 'Invalid URL'],
    [
      // Busboy's own plain Error (no status) while the body is read: it was a 500.
      'a truncated multipart form to an agency link',
      { method: 'POST', url: '/bao-cao/any-token', headers: { 'content-type': 'multipart/form-data; boundary=----hbc' }, payload: '------hbc\r\nContent-Disposition: form-data; name="note"\r\n\r\nxin chào' },
      400,
      'bad-request',
      'Biểu mẫu gửi lên bị hỏng',
      'malformed or truncated',
    ],
    [
      'a multipart form with no boundary',
      { method: 'POST', url: '/bao-cao/any-token', headers: { 'content-type': 'multipart/form-data' }, payload: 'note=x' },
      400,
      'bad-request',
      'Biểu mẫu gửi lên bị hỏng',
      'malformed or truncated',
    ],
  ] as const)('answers %s in both languages, in the error shape', async (_what, request, status, error, vi, en) => {
    const res = await app.inject(request);
    expect(res.statusCode).toBe(status);
    expect(res.headers['content-type']).toContain('application/json');
    const body = res.json();
    expect(Object.keys(body).sort()).toEqual(['details', 'detailsEn', 'error', 'message', 'messageEn', 'requestId']);
    expect(body).toMatchObject({ error, details: [], detailsEn: [], requestId: res.headers['x-request-id'] });
    expect(body.message).toContain(vi);
    expect(body.messageEn).toContain(en);
  });

  it('shows a browser a small Vietnamese page for an unknown address', async () => {
    const res = await app.inject({ method: 'GET', url: '/khong-co?<b>', headers: { accept: 'text/html,application/xhtml+xml;q=0.9,*/*;q=0.8' } });
    expect(res.statusCode).toBe(404);
    expect(res.headers['content-type']).toContain('text/html');
    expect(res.headers['x-request-id']).toMatch(/\S/);
    expect(res.body).toContain('<html lang="vi">');
    expect(res.body).toContain('Không tìm thấy trang');
    expect(res.body).toContain('<code>/khong-co</code>');
    expect(res.body).toContain('href="/"');
  });

  it('logs each request with its id and status', async () => {
    const res = await app.inject({ method: 'GET', url: '/health' });
    const id = res.headers['x-request-id'];
    expect(lines.filter((l) => l.reqId === id).map((l) => [l.msg, l.res?.statusCode ?? null])).toEqual([
      ['incoming request', null],
      ['request completed', 200],
    ]);
  });
});
