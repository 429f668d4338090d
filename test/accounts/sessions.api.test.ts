// Sessions as an attacker would try them: a session id planted before sign-in, a state
// change ridden on someone's session cookie from another site (no CSRF token, a wrong one,
// an Authorization header that is not a Bearer token), a cookie kept after signing out, and
// one that has expired. Each refusal changes nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, createUser, grantToken } from '../helpers/principals';
import { createTestDb } from '../helpers/test-db';
import { movableClock, sessionCookie, signInAs, testApp, visit, type TestApp } from './helpers';

const PASSWORD = 'mật khẩu phiên 2026';
const EMAIL = 'vhxh@xa.test.example';

/** The session id inside a signed cookie value ("<id>.<signature>"). */
const idOf = (cookie: string) => cookie.slice(0, cookie.lastIndexOf('.'));

describe('sessions', () => {
  let testDb: ReturnType<typeof createTestDb>;
  let t: TestApp;
  const clock = movableClock('2026-10-20T03:00:00Z');

  beforeAll(async () => {
    testDb = createTestDb();
    await testDb.db.organisation.create({ data: { id: 'xa', name: 'UBND xã Thử', kind: 'commune' } });
    await createUser(testDb.db, { email: EMAIL, password: PASSWORD, grants: [{ organisationId: 'xa', role: 'coordinator' }] });
    t = testApp(testDb.db, clock);
  });
  afterAll(async () => {
    await t?.close();
    await testDb?.cleanup();
  });

  const whoIs = async (cookie: string) => (await t.app.inject({ method: 'GET', url: '/api/session', cookies: { hbc_session: cookie } })).json().principal;
  const sessionRows = (cookie: string) => testDb.db.session.count({ where: { id: idOf(cookie) } });

  it('signs in under a new session id: the id planted before sign-in is gone and never signed in', async () => {
    const planted = await visit(t.app); // an attacker's own anonymous session, planted in the victim's browser
    expect(await sessionRows(planted.cookie)).toBe(1);
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/session',
      payload: { email: EMAIL, password: PASSWORD },
      cookies: { hbc_session: planted.cookie },
      headers: { 'x-csrf-token': planted.csrfToken },
    });
    expect(res.statusCode).toBe(201);
    const signedIn = sessionCookie(res)!;
    expect(idOf(signedIn)).not.toBe(idOf(planted.cookie));
    expect(await whoIs(signedIn)).toMatchObject({ kind: 'user', label: EMAIL });
    expect(await whoIs(planted.cookie)).toBeNull();
    expect(await sessionRows(planted.cookie)).toBe(0);
  });

  it('never adopts a session id it did not issue', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/session', cookies: { hbc_session: 'chosen-by-attacker' } });
    expect(res.json().principal).toBeNull();
    expect(sessionCookie(res)).not.toMatch(/^chosen-by-attacker/);
    const signIn = await t.app.inject({
      method: 'POST',
      url: '/api/session',
      payload: { email: EMAIL, password: PASSWORD },
      cookies: { hbc_session: 'chosen-by-attacker' },
      headers: { 'x-csrf-token': res.json().csrfToken },
    });
    // A cookie naming no session of ours carries no one's authority and no CSRF secret: the
    // request is taken as one without a cookie (src/api/server.ts), and a sign-in then gets a
    // session id of our own making, never the planted one.
    expect(signIn.statusCode).toBe(201);
    const issued = sessionCookie(signIn);
    expect(issued).toBeTruthy();
    expect(idOf(issued!)).not.toBe('chosen-by-attacker');
    expect(await testDb.db.session.count({ where: { id: 'chosen-by-attacker' } })).toBe(0);
    expect(await testDb.db.session.count({ where: { id: idOf(issued!), userId: { not: null } } })).toBe(1);
  });

  it('refuses a state change on the session cookie without its CSRF token or with a wrong one (403), changing nothing', async () => {
    const { cookie, csrfToken } = await signInAs(t.app, EMAIL, PASSWORD);
    const signOut = (headers: Record<string, string>) => t.app.inject({ method: 'DELETE', url: '/api/session', cookies: { hbc_session: cookie }, headers });
    for (const headers of [{}, { 'x-csrf-token': 'forged' }, { authorization: 'Basic dmh4aDp4' }] as Record<string, string>[]) {
      const refused = await signOut(headers);
      expect(refused.statusCode, JSON.stringify(headers)).toBe(403);
      expect(refused.json()).toMatchObject({ error: 'bad-request', message: expect.stringContaining('tải lại trang'), messageEn: expect.stringContaining('CSRF') });
      expect(await sessionRows(cookie)).toBe(1);
      expect(await whoIs(cookie)).toMatchObject({ label: EMAIL });
    }
    const form = await t.app.inject({ method: 'POST', url: '/sign-out', cookies: { hbc_session: cookie }, payload: '_csrf=forged', headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    expect(form.statusCode).toBe(403);
    expect(await sessionRows(cookie)).toBe(1);

    expect((await signOut({ 'x-csrf-token': csrfToken })).statusCode).toBe(204);
  });

  it('takes a Bearer token without any CSRF token', async () => {
    const token = await grantToken(testDb.db, { organisationId: 'xa', role: 'administrator' });
    const res = await t.app.inject({ method: 'POST', url: '/api/admin/tokens', headers: bearer(token), payload: { organisationId: 'xa', role: 'leader', name: 'Cổng dữ liệu tỉnh' } });
    expect(res.statusCode).toBe(201);
  });

  it('deletes the session row on sign-out: the old cookie is anonymous from then on', async () => {
    const { cookie, csrfToken } = await signInAs(t.app, EMAIL, PASSWORD);
    const res = await t.app.inject({ method: 'DELETE', url: '/api/session', cookies: { hbc_session: cookie }, headers: { 'x-csrf-token': csrfToken } });
    expect(res.statusCode).toBe(204);
    expect(await sessionRows(cookie)).toBe(0);
    expect(await whoIs(cookie)).toBeNull();
    expect((await t.app.inject({ method: 'GET', url: '/api/deadlines', cookies: { hbc_session: cookie } })).statusCode).toBe(401);

    const page = await signInAs(t.app, EMAIL, PASSWORD);
    const form = await t.app.inject({
      method: 'POST',
      url: '/sign-out',
      cookies: { hbc_session: page.cookie },
      payload: new URLSearchParams({ _csrf: page.csrfToken }).toString(),
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect([form.statusCode, form.headers.location]).toEqual([303, '/sign-in']);
    expect(await sessionRows(page.cookie)).toBe(0);
  });

  it('treats an expired session as anonymous', async () => {
    const { cookie } = await signInAs(t.app, EMAIL, PASSWORD);
    const expiresAt = async () => (await testDb.db.session.findUniqueOrThrow({ where: { id: idOf(cookie) } })).expiresAt.getTime();
    clock.set(new Date((await expiresAt()) - 1_000));
    expect(await whoIs(cookie)).toMatchObject({ label: EMAIL });
    clock.set(new Date((await expiresAt()) + 1_000)); // read again: every request rolls the expiry on
    expect(await whoIs(cookie)).toBeNull();
    expect((await t.app.inject({ method: 'GET', url: '/api/deadlines', cookies: { hbc_session: cookie } })).statusCode).toBe(401);
  });
});
