// Who may call what, through the real routes: a province with one commune and another
// commune outside it, API tokens and a signed-in user with its session cookie and CSRF token.
// Temporal is a client whose server does not answer: every change refused here is refused
// before it; one allowed change reaches it (and gets 503), which is all this file needs.
// On SQLite and on PostgreSQL: the access store's queries decide what each caller sees.
import { Client, Connection } from '@temporalio/client';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServer } from '../../src/api/server';
import { seedDeadline, seedObligation } from '../helpers/fixtures';
import { bearer, createUser, grantToken } from '../helpers/principals';
import { createTestDbOn, TEST_DATABASES, type TestDb } from '../helpers/test-db';

const NOW = new Date('2026-10-20T03:00:00Z');

describe.each(TEST_DATABASES)('access to routes on %s', (database) => {
  let testDb: TestDb;
  let connection: Connection;
  let app: FastifyInstance;
  const tokens: Record<string, Record<string, string>> = {};

  beforeAll(async () => {
    testDb = await createTestDbOn(database);
    const db = testDb.db;
    await db.organisation.create({ data: { id: 'tinh', name: 'UBND tỉnh Thử Nghiệm', kind: 'province' } });
    await seedObligation(db); // commune 'org' with agencies 'coord' and 'tyt'
    await db.organisation.update({ where: { id: 'org' }, data: { parentId: 'tinh' } });
    await db.organisation.create({ data: { id: 'xa-khac', name: 'UBND xã Khác', kind: 'commune', parentId: 'tinh' } });
    await db.organisation.create({ data: { id: 'xa-ngoai', name: 'UBND xã Ngoài Tỉnh', kind: 'commune' } });
    await seedDeadline(db, { id: 'obl.2026', periodKey: '2026', periodLabel: 'Năm 2026', lastDay: '2026-11-04', dueAt: new Date('2026-11-04T17:00:00Z'), dataFrom: '2025-12-15', dataTo: '2026-12-14' });
    tokens.coordinator = bearer(await grantToken(db, { organisationId: 'org', role: 'coordinator' }));
    tokens.leader = bearer(await grantToken(db, { organisationId: 'org', role: 'leader' }));
    tokens.agency = bearer(await grantToken(db, { organisationId: 'org', role: 'agency', agencyId: 'tyt' }));
    tokens.otherAgency = bearer(await grantToken(db, { organisationId: 'org', role: 'agency', agencyId: 'coord' }));
    tokens.provinceLeader = bearer(await grantToken(db, { organisationId: 'tinh', role: 'leader' }));
    tokens.outsider = bearer(await grantToken(db, { organisationId: 'xa-ngoai', role: 'coordinator' }));
    tokens.sibling = bearer(await grantToken(db, { organisationId: 'xa-khac', role: 'coordinator' }));
    await createUser(db, { email: 'vhxh@org.test.example', password: 'mật khẩu dài 12', grants: [{ organisationId: 'org', role: 'coordinator' }] });
    connection = Connection.lazy({ address: '127.0.0.1:1', interceptors: [] });
    app = buildServer({ db, temporal: new Client({ connection }), taskQueue: 'access-test', clock: () => NOW, searchAttributes: false }, { logger: false });
  });

  afterAll(async () => {
    await app?.close();
    await connection?.close();
    await testDb?.cleanup();
  });

  const list = async (headers: Record<string, string>) => (await app.inject({ method: 'GET', url: '/api/deadlines', headers })).json().deadlines?.map((d: { id: string }) => d.id);

  it('lists what each caller may see: its commune, the province its communes, an agency its own deadlines, nobody else anything', async () => {
    expect(await list(tokens.coordinator!)).toEqual(['obl.2026']);
    expect(await list(tokens.provinceLeader!)).toEqual(['obl.2026']);
    expect(await list(tokens.agency!)).toEqual(['obl.2026']);
    expect(await list(tokens.otherAgency!)).toEqual([]);
    expect(await list(tokens.outsider!)).toEqual([]);
    expect(await list(tokens.sibling!)).toEqual([]);
    expect((await app.inject({ method: 'GET', url: '/api/deadlines' })).statusCode).toBe(401);
  });

  it.each([
    ['anonymous', undefined, 401],
    ['a revoked or unknown token', 'unknown', 401],
    ['a coordinator of another commune (not revealed)', 'outsider', 404],
    ['a coordinator of a sibling commune (not revealed)', 'sibling', 404],
    ['the province leader (reads the commune, may not change it)', 'provinceLeader', 403],
    ['the commune leader', 'leader', 403],
    ['the agency of the deadline', 'agency', 503],
    ['the coordinator', 'coordinator', 503],
  ])('recording a report: %s -> %s', async (_who, token, status) => {
    const headers = token === 'unknown' ? bearer('hbc_nope') : token ? tokens[token] : {};
    const res = await app.inject({ method: 'POST', url: '/api/deadlines/obl.2026/submission', headers, payload: { submittedBy: 'Văn thư' } });
    expect(res.statusCode).toBe(status);
  });

  it('answers 404 alike for a deadline that does not exist and one the caller may not see', async () => {
    const missing = await app.inject({ method: 'GET', url: '/api/deadlines/no-such', headers: tokens.outsider });
    const hidden = await app.inject({ method: 'GET', url: '/api/deadlines/obl.2026', headers: tokens.outsider });
    expect([missing.statusCode, hidden.statusCode]).toEqual([404, 404]);
    expect(hidden.json().message).toBe(missing.json().message);
  });

  it('signs a person in with a new session, and takes a state change from that session only with its CSRF token', async () => {
    const start = await app.inject({ method: 'GET', url: '/api/session' });
    const planted = start.cookies.find((c) => c.name === 'hbc_session');
    const signIn = await app.inject({
      method: 'POST',
      url: '/api/session',
      payload: { email: 'VHXH@org.test.example', password: 'mật khẩu dài 12' },
      cookies: planted ? { hbc_session: planted.value } : {},
      headers: { 'x-csrf-token': start.json().csrfToken },
    });
    expect(signIn.statusCode).toBe(201);
    // The old session's cookie is cleared and the new one set: the last one counts.
    const session = signIn.cookies.filter((c) => c.name === 'hbc_session' && c.value).pop()!;
    expect(session).toMatchObject({ httpOnly: true, sameSite: 'Lax' });
    // A session id planted before sign-in is not the one signed in.
    if (planted) expect(session.value).not.toBe(planted.value);
    const cookies = { hbc_session: session.value };
    const me = await app.inject({ method: 'GET', url: '/api/session', cookies });
    expect(me.json().principal).toMatchObject({ kind: 'user', label: 'vhxh@org.test.example' });

    const url = '/api/deadlines/obl.2026/waiver';
    const payload = { reason: 'Đơn vị giải thể', waivedBy: 'Chủ tịch UBND xã' };
    expect((await app.inject({ method: 'POST', url, payload, cookies })).statusCode).toBe(403);
    expect((await app.inject({ method: 'POST', url, payload, cookies, headers: { 'x-csrf-token': 'forged' } })).statusCode).toBe(403);
    const withToken = await app.inject({ method: 'POST', url, payload, cookies, headers: { 'x-csrf-token': me.json().csrfToken } });
    expect(withToken.statusCode).toBe(503); // past the policy and the CSRF check: Temporal is unreachable here

    const wrong = await app.inject({ method: 'POST', url: '/api/session', payload: { email: 'vhxh@org.test.example', password: 'sai' } });
    expect(wrong.statusCode).toBe(401);
    expect(wrong.json().message).toBe('Email hoặc mật khẩu không đúng.');
  });

  it('sends an anonymous visitor of a page to the sign-in page and back', async () => {
    const res = await app.inject({ method: 'GET', url: '/deadlines/obl.2026', headers: { accept: 'text/html' } });
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe('/sign-in?next=%2Fdeadlines%2Fobl.2026');
  });

  it('documents every route in /openapi.json with its security and policy action', async () => {
    const doc = (await app.inject({ method: 'GET', url: '/openapi.json' })).json();
    expect(doc.openapi).toBe('3.1.0');
    const operations = Object.entries(doc.paths as Record<string, Record<string, { security: unknown[]; 'x-hbc-action': string }>>).flatMap(([path, ops]) =>
      Object.entries(ops).map(([method, op]) => ({ path, method, ...op })),
    );
    expect(operations.map((o) => `${o.method} ${o.path}`)).toEqual(
      expect.arrayContaining(['post /api/deadlines/{id}/submission', 'get /api/deadlines', 'post /api/imports', 'get /deadlines/{id}', 'get /health']),
    );
    for (const o of operations) {
      expect(o['x-hbc-action'], `${o.method} ${o.path}`).toBeTruthy();
      expect(o.security, `${o.method} ${o.path}`).toEqual(o['x-hbc-action'] === 'public' ? [] : [{ sessionCookie: [] }, { bearerToken: [] }]);
    }
    expect((await app.inject({ method: 'GET', url: '/docs/' })).statusCode).toBe(200);
  });

  it('refuses to register a route that does not say who may call it', async () => {
    const bare = buildServer({ db: testDb.db, temporal: new Client({ connection }), taskQueue: 'x', clock: () => NOW, searchAttributes: false }, { logger: false });
    expect(() => bare.get('/forgotten', async () => 'x')).toThrow(/declares no config.access/);
    await bare.close();
  });
});
