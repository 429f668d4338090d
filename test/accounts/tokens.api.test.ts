// API tokens: an administrator makes one for a role in an organisation (an agency token for
// one agency), sees it once, lists tokens without it, and revokes them; the token works
// with exactly its grant and records when it was last used. Administrators of other
// organisations, other roles and anonymous callers are refused. Through the JSON API and
// through the page, with the page's CSRF token.
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDeadline, seedObligation } from '../helpers/fixtures';
import { bearer, createUser, grantToken } from '../helpers/principals';
import { createTestDb } from '../helpers/test-db';
import { movableClock, sessionCookie, signInAs, testApp, type TestApp } from './helpers';

const TOKEN_SHAPE = /^hbc_[A-Za-z0-9_-]{43}$/;
const PASSWORD = 'quản trị mật khẩu 2026';

describe('API tokens', () => {
  let testDb: ReturnType<typeof createTestDb>;
  let t: TestApp;
  const clock = movableClock('2026-10-20T03:00:00Z');
  const as: Record<string, Record<string, string>> = {};

  beforeAll(async () => {
    testDb = createTestDb();
    const db = testDb.db;
    await db.organisation.create({ data: { id: 'tinh', name: 'UBND tỉnh Thử', kind: 'province' } });
    await seedObligation(db); // commune 'org': agencies 'coord' and 'tyt', the obligation of 'tyt'
    await db.organisation.update({ where: { id: 'org' }, data: { parentId: 'tinh' } });
    await db.organisation.create({ data: { id: 'xa-khac', name: 'UBND xã Khác', kind: 'commune', parentId: 'tinh', agencies: { create: [{ id: 'khac.tyt', name: 'Trạm Y tế xã Khác' }] } } });
    await seedDeadline(db, { id: 'obl.2026', periodKey: '2026', periodLabel: 'Năm 2026', lastDay: '2026-11-04', dueAt: new Date('2026-11-04T17:00:00Z'), dataFrom: '2025-12-15', dataTo: '2026-12-14' });
    as.admin = bearer(await grantToken(db, { organisationId: 'org', role: 'administrator' }));
    as.otherAdmin = bearer(await grantToken(db, { organisationId: 'xa-khac', role: 'administrator' }));
    as.provinceAdmin = bearer(await grantToken(db, { organisationId: 'tinh', role: 'administrator' }));
    as.coordinator = bearer(await grantToken(db, { organisationId: 'org', role: 'coordinator' }));
    as.nobody = {};
    await createUser(db, { email: 'quantri@org.test.example', password: PASSWORD, grants: [{ organisationId: 'org', role: 'administrator' }] });
    t = testApp(db, clock);
  });
  afterAll(async () => {
    await t?.close();
    await testDb?.cleanup();
  });

  const make = (who: Record<string, string>, payload: object) => t.app.inject({ method: 'POST', url: '/api/admin/tokens', headers: who, payload });
  const list = async (who: Record<string, string>) => (await t.app.inject({ method: 'GET', url: '/api/admin/tokens', headers: who })).json().tokens as { id: string; name: string; revokedAt: string | null }[];
  const deadlinesOf = async (token: string) => {
    const res = await t.app.inject({ method: 'GET', url: '/api/deadlines', headers: bearer(token) });
    return res.statusCode === 200 ? (res.json().deadlines as { id: string }[]).map((d) => d.id) : res.statusCode;
  };

  it('shows a new token once, keeps only its hash, and lists it without it, with its last use', async () => {
    const res = await make(as.admin!, { organisationId: 'org', role: 'coordinator', name: 'Cổng dữ liệu tỉnh' });
    expect(res.statusCode).toBe(201);
    const made = res.json();
    expect(made).toMatchObject({ name: 'Cổng dữ liệu tỉnh', organisationId: 'org', organisationName: 'UBND xã Thử Nghiệm', role: 'coordinator', agencyId: null, lastUsedAt: null, revokedAt: null });
    expect(made.token).toMatch(TOKEN_SHAPE);
    const row = await testDb.db.apiToken.findUniqueOrThrow({ where: { id: made.id } });
    expect(row.tokenHash).toBe(createHash('sha256').update(made.token).digest('hex'));
    expect(Object.values(row)).not.toContain(made.token);

    clock.set('2026-10-20T04:30:00Z');
    expect(await deadlinesOf(made.token)).toEqual(['obl.2026']);
    const listed = await t.app.inject({ method: 'GET', url: '/api/admin/tokens', headers: as.admin });
    expect(listed.body).not.toContain(made.token);
    expect(listed.body).not.toContain(row.tokenHash);
    expect(listed.json().tokens.find((x: { id: string }) => x.id === made.id)).toEqual({
      id: made.id,
      name: 'Cổng dữ liệu tỉnh',
      organisationId: 'org',
      organisationName: 'UBND xã Thử Nghiệm',
      role: 'coordinator',
      agencyId: null,
      agencyName: null,
      createdAt: '2026-10-20T03:00:00.000Z',
      createdBy: null,
      lastUsedAt: '2026-10-20T04:30:00.000Z',
      revokedAt: null,
    });
    const audit = await testDb.db.auditEvent.findFirstOrThrow({ where: { action: 'admin.token.create', subjectId: made.id } });
    expect(audit).toMatchObject({ actorType: 'token', actorLabel: 'test administrator', organisationId: 'org' });
    expect(audit.after).not.toContain(made.token);
  });

  it('binds an agency token to one agency of its organisation, and only an agency token', async () => {
    const refusedWith = async (payload: object) => {
      const res = await make(as.admin!, { organisationId: 'org', name: 'Phần mềm', ...payload });
      expect(res.statusCode, JSON.stringify(payload)).toBe(400);
      return res.json().detailsEn as string[];
    };
    expect(await refusedWith({ role: 'agency' })).toEqual(['agencyId: an agency token needs its agency']);
    expect(await refusedWith({ role: 'agency', agencyId: 'khac.tyt' })).toEqual(['agencyId: not an agency of this organisation']);
    expect(await refusedWith({ role: 'leader', agencyId: 'tyt' })).toEqual(['agencyId: only an agency token is bound to an agency']);
    expect(await refusedWith({ role: 'mayor' })).toEqual([expect.stringMatching(/^role: must be one of administrator, coordinator, leader, agency, auditor$/)]);

    const tyt = (await make(as.admin!, { organisationId: 'org', role: 'agency', agencyId: 'tyt', name: 'Phần mềm trạm y tế' })).json();
    const coord = (await make(as.admin!, { organisationId: 'org', role: 'agency', agencyId: 'coord', name: 'Phần mềm VH-XH' })).json();
    expect(tyt).toMatchObject({ role: 'agency', agencyId: 'tyt', agencyName: 'Trạm Y tế xã' });
    expect(await deadlinesOf(tyt.token)).toEqual(['obl.2026']);
    expect(await deadlinesOf(coord.token)).toEqual([]);
  });

  it('revokes a token: its next request is refused, revoking again changes nothing, and it stays listed as revoked', async () => {
    const made = (await make(as.admin!, { organisationId: 'org', role: 'leader', name: 'Bảng tin lãnh đạo' })).json();
    expect(await deadlinesOf(made.token)).toEqual(['obl.2026']);
    clock.set('2026-10-21T02:00:00Z');
    const revoke = () => t.app.inject({ method: 'POST', url: `/api/admin/tokens/${made.id}/revoke`, headers: as.admin });
    const first = await revoke();
    expect(first.statusCode).toBe(200);
    expect(first.json()).toMatchObject({ id: made.id, revokedAt: '2026-10-21T02:00:00.000Z' });
    expect(await deadlinesOf(made.token)).toBe(401);
    clock.set('2026-10-22T02:00:00Z');
    expect((await revoke()).json().revokedAt).toBe('2026-10-21T02:00:00.000Z');
    expect((await list(as.admin!)).find((x) => x.id === made.id)?.revokedAt).toBe('2026-10-21T02:00:00.000Z');
    expect(await testDb.db.auditEvent.count({ where: { action: 'admin.token.revoke', subjectId: made.id } })).toBe(1);
  });

  it("refuses everyone but the organisation's own administrators", async () => {
    const made = (await make(as.admin!, { organisationId: 'org', role: 'auditor', name: 'Thanh tra' })).json();
    const payload = { organisationId: 'org', role: 'leader', name: 'Không được phép' };
    const revoke = (who: Record<string, string>) => t.app.inject({ method: 'POST', url: `/api/admin/tokens/${made.id}/revoke`, headers: who });
    const cases: [string, Record<string, string>, number, number, number][] = [
      // who, headers, list, make for 'org', revoke a token of 'org'
      ['anonymous', as.nobody!, 401, 401, 401],
      ['the administrator of another commune (does not see it)', as.otherAdmin!, 200, 404, 404],
      ['the province administrator (sees the commune, manages only its own tokens)', as.provinceAdmin!, 200, 403, 404],
      ["the commune's coordinator", as.coordinator!, 403, 403, 404],
    ];
    for (const [who, headers, listStatus, makeStatus, revokeStatus] of cases) {
      const res = await t.app.inject({ method: 'GET', url: '/api/admin/tokens', headers });
      expect([res.statusCode, (await make(headers, payload)).statusCode, (await revoke(headers)).statusCode], who).toEqual([listStatus, makeStatus, revokeStatus]);
      if (res.statusCode === 200) expect(res.json().tokens.map((x: { organisationId: string }) => x.organisationId), who).not.toContain('org');
    }
    expect((await testDb.db.apiToken.findUniqueOrThrow({ where: { id: made.id } })).revokedAt).toBeNull();
    expect(await testDb.db.apiToken.count({ where: { name: 'Không được phép' } })).toBe(0);
  });

  it('works from the page: makes a token shown once, escapes names, revokes, and refuses a form without its CSRF token', async () => {
    const { cookie, csrfToken } = await signInAs(t.app, 'quantri@org.test.example', PASSWORD);
    const form = (url: string, fields: Record<string, string>) =>
      t.app.inject({ method: 'POST', url, cookies: { hbc_session: cookie }, payload: new URLSearchParams(fields).toString(), headers: { 'content-type': 'application/x-www-form-urlencoded' } });

    const forged = await form('/admin/tokens', { organisationId: 'org', role: 'leader', agencyId: '', name: 'Giả mạo' });
    expect(forged.statusCode).toBe(403);
    expect(await testDb.db.apiToken.count({ where: { name: 'Giả mạo' } })).toBe(0);

    const created = await form('/admin/tokens', { organisationId: 'org', role: 'leader', agencyId: '', name: '<b>Cổng</b> "tỉnh"', _csrf: csrfToken });
    expect(created.statusCode).toBe(201);
    const token = /id="new-token" readonly value="(hbc_[^"]+)"/.exec(created.body)?.[1];
    expect(token).toMatch(TOKEN_SHAPE);
    expect(created.body).toContain('&lt;b>Cổng&lt;/b> &quot;tỉnh&quot;');
    const row = await testDb.db.apiToken.findFirstOrThrow({ where: { name: '<b>Cổng</b> "tỉnh"' } });
    expect(row.createdById).not.toBeNull();

    const again = await t.app.inject({ method: 'GET', url: '/admin/tokens', cookies: { hbc_session: cookie } });
    expect(again.statusCode).toBe(200);
    expect(again.body).not.toContain(token!);
    expect(again.body).toContain('quantri@org.test.example'); // who made it

    const bad = await form('/admin/tokens', { organisationId: 'org', role: 'agency', agencyId: '', name: 'Thiếu đơn vị', _csrf: csrfToken });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('agencyId: mã của đơn vị báo cáo cần chọn đơn vị');

    const revoked = await form(`/admin/tokens/${row.id}/revoke`, { _csrf: csrfToken });
    expect([revoked.statusCode, revoked.headers.location]).toEqual([303, '/admin/tokens']);
    expect((await testDb.db.apiToken.findUniqueOrThrow({ where: { id: row.id } })).revokedAt).not.toBeNull();
    expect(sessionCookie(revoked) ?? cookie).toBeTruthy();
  });
});
