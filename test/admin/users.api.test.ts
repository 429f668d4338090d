// Users and roles through the administration API and the form the browser test relies on:
// an administrator creates an account that can sign in, gives and takes roles, and disables
// it, which ends its sessions at once. A province's administrator manages its communes'
// users; a commune's administrator only its own, and never one with roles elsewhere.
import { describe, expect, it } from 'vitest';
import { adminWorld, createUser } from './admin-world';

const PASSWORD = 'mật khẩu đủ dài 12';

describe('users and roles', () => {
  const w = adminWorld(async (db) => {
    await createUser(db, { email: 'quantri.xa@org.test.example', password: PASSWORD, grants: [{ organisationId: 'org', role: 'administrator' }] });
    await createUser(db, { email: 'hai.noi@tinh.test.example', password: PASSWORD, grants: [{ organisationId: 'org', role: 'leader' }, { organisationId: 'tinh', role: 'leader' }] });
  });
  const send = (method: 'GET' | 'POST' | 'DELETE', url: string, headers: Record<string, string>, payload?: object) => w.app.inject({ method, url, headers, payload });
  const newUser = { email: 'VHXH.Moi@org.test.example', name: 'Nguyễn Thị Mới', password: 'mười hai ký tự!', organisationId: 'org', role: 'coordinator' };

  it('creates an account with a first role that signs in with the typed password, and never shows or records the password', async () => {
    const res = await send('POST', '/api/admin/users', w.as.provinceAdmin!, newUser);
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ email: 'vhxh.moi@org.test.example', disabled: false, memberships: [{ organisationId: 'org', role: 'coordinator', agencyId: null }] });
    expect(res.body).not.toContain('mười hai');
    expect(res.body).not.toContain('argon2');
    await w.signIn('vhxh.moi@org.test.example', 'mười hai ký tự!');
    const row = await w.db.user.findUniqueOrThrow({ where: { email: 'vhxh.moi@org.test.example' } });
    expect(row.passwordHash).toMatch(/^\$argon2id\$/);
    const audit = await w.db.auditEvent.findFirstOrThrow({ where: { action: 'admin.user.create' } });
    expect(audit).toMatchObject({ organisationId: 'org', subjectId: row.id });
    expect(audit.after).not.toContain('mười hai');
    expect(audit.after).not.toContain(row.passwordHash);
  });

  it.each([
    ['a password of 11 characters', { password: 'mười một k!' }, ['password: mật khẩu cần ít nhất 12 ký tự'], 400],
    ['an agency user without an agency', { role: 'agency' }, ['agencyId: người dùng của đơn vị phải gắn với một đơn vị'], 400],
    ['a coordinator bound to an agency', { agencyId: 'tyt' }, ['agencyId: chỉ vai trò đơn vị báo cáo gắn với một đơn vị'], 400],
    ["an agency of another commune", { role: 'agency', agencyId: 'xa-b.tyt' }, ['agencyId: xa-b.tyt'], 400],
    ['an unknown role', { role: 'superuser' }, ['role: vai trò không hợp lệ'], 400],
    ['an email already taken', { email: 'quantri.xa@org.test.example' }, ['email: quantri.xa@org.test.example'], 409],
  ])('refuses %s', async (_name, change, details, status) => {
    const res = await send('POST', '/api/admin/users', w.as.provinceAdmin!, { ...newUser, email: `x${Math.random()}@org.test.example`, ...change });
    expect(res.statusCode).toBe(status);
    expect(res.json().details).toEqual(details);
  });

  it("refuses an organisation outside the administrator's tree without revealing it", async () => {
    expect((await send('POST', '/api/admin/users', w.as.communeAdmin!, { ...newUser, email: 'a@xa-b.test.example', organisationId: 'xa-b' })).statusCode).toBe(404);
    expect((await send('POST', '/api/admin/users', w.as.communeAdmin!, { ...newUser, email: 'a@tinh.test.example', organisationId: 'tinh' })).statusCode).toBe(404);
    expect((await send('POST', '/api/admin/users', w.as.coordinator!, { ...newUser, email: 'a@org.test.example' })).statusCode).toBe(403);
  });

  it('shows each administrator the users of its organisations, with only the roles it administers', async () => {
    const users = async (who: string) => (await send('GET', '/api/admin/users', w.as[who]!)).json().users as { email: string; memberships: { organisationId: string }[]; otherMemberships: number }[];
    const commune = await users('communeAdmin');
    expect(commune.map((u) => u.email)).toEqual(['hai.noi@tinh.test.example', 'quantri.xa@org.test.example', 'vhxh.moi@org.test.example']);
    expect(commune[0]).toMatchObject({ memberships: [{ organisationId: 'org' }], otherMemberships: 1 });
    expect((await users('provinceAdmin'))[0]).toMatchObject({ memberships: [{ organisationId: 'org' }, { organisationId: 'tinh' }], otherMemberships: 0 });
    expect(await users('siblingAdmin')).toEqual([]);
  });

  it('gives and takes roles, but not the last one', async () => {
    const user = await w.db.user.findUniqueOrThrow({ where: { email: 'vhxh.moi@org.test.example' }, include: { memberships: true } });
    const url = `/api/admin/users/${user.id}/memberships`;
    const added = await send('POST', url, w.as.communeAdmin!, { organisationId: 'org', role: 'agency', agencyId: 'tyt' });
    expect(added.statusCode).toBe(201);
    expect(added.json().memberships.map((m: { role: string; agencyName: string | null }) => `${m.role}:${m.agencyName}`)).toEqual(['coordinator:null', 'agency:Trạm Y tế xã']);
    expect((await send('POST', url, w.as.communeAdmin!, { organisationId: 'org', role: 'agency', agencyId: 'coord' })).statusCode).toBe(409);
    expect((await send('DELETE', `${url}/${user.memberships[0]!.id}`, w.as.siblingAdmin!)).statusCode).toBe(404);
    const removed = await send('DELETE', `${url}/${user.memberships[0]!.id}`, w.as.communeAdmin!);
    expect(removed.json().memberships.map((m: { role: string }) => m.role)).toEqual(['agency']);
    const last = await send('DELETE', `${url}/${removed.json().memberships[0].id}`, w.as.communeAdmin!);
    expect([last.statusCode, last.json().messageEn]).toEqual([409, 'This is the last role of the account: disable the account instead']);
    const actions = (await w.db.auditEvent.findMany({ where: { subjectId: user.id }, orderBy: { id: 'asc' } })).map((a) => a.action);
    expect(actions).toEqual(['admin.user.create', 'admin.user.membership.add', 'admin.user.membership.remove']);
  });

  it('disables an account: its sessions end at once; an account with roles elsewhere only by someone who administers them all', async () => {
    const both = await w.db.user.findUniqueOrThrow({ where: { email: 'hai.noi@tinh.test.example' } });
    const byCommune = await send('POST', `/api/admin/users/${both.id}/disable`, w.as.communeAdmin!);
    expect([byCommune.statusCode, byCommune.json().messageEn]).toEqual([403, 'The account also has roles in organisations you do not administer']);

    const session = await w.signIn('hai.noi@tinh.test.example', PASSWORD);
    expect((await w.app.inject({ method: 'GET', url: '/api/deadlines', cookies: session.cookies })).statusCode).toBe(200);
    const res = await send('POST', `/api/admin/users/${both.id}/disable`, w.as.provinceAdmin!);
    expect(res.json()).toMatchObject({ disabled: true });
    expect(await w.db.session.count({ where: { userId: both.id } })).toBe(0);
    expect((await w.app.inject({ method: 'GET', url: '/api/deadlines', cookies: session.cookies })).statusCode).toBe(401);
    // One row per organisation of the account, so each one's auditors see it.
    const audit = await w.db.auditEvent.findMany({ where: { action: 'admin.user.disable', subjectId: both.id } });
    expect(audit.map((a) => a.organisationId).sort()).toEqual(['org', 'tinh']);
    expect((await send('POST', `/api/admin/users/${both.id}/enable`, w.as.provinceAdmin!)).json()).toMatchObject({ disabled: false });
    await w.signIn('hai.noi@tinh.test.example', PASSWORD);
  });

  it('does not let an administrator disable its own account', async () => {
    const me = await w.signIn('quantri.xa@org.test.example', PASSWORD);
    const self = await w.db.user.findUniqueOrThrow({ where: { email: 'quantri.xa@org.test.example' } });
    const res = await w.app.inject({ method: 'POST', url: `/api/admin/users/${self.id}/disable`, cookies: me.cookies, headers: { 'x-csrf-token': me.csrf } });
    expect([res.statusCode, res.json().message]).toEqual([409, 'Không thể tự khóa tài khoản của chính mình']);
  });
});

describe('the new-user form (the browser test fills it)', () => {
  const w = adminWorld(async (db) => {
    await createUser(db, { email: 'quantri@tinh.test.example', password: PASSWORD, grants: [{ organisationId: 'tinh', role: 'administrator' }] });
  });
  const form = (fields: Record<string, string>) => new URLSearchParams(fields).toString();
  const formHeaders = { 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html' };

  it('offers email, name, password, organisationId, role and agencyId, and creates the user (303 to /admin/users)', async () => {
    const { cookies } = await w.signIn('quantri@tinh.test.example', PASSWORD);
    const page = await w.app.inject({ method: 'GET', url: '/admin/users/new', cookies, headers: { accept: 'text/html' } });
    expect(page.statusCode).toBe(200);
    for (const name of ['_csrf', 'email', 'name', 'password', 'organisationId', 'role', 'agencyId']) expect(page.body).toContain(`name="${name}"`);
    expect(page.body).toContain('<option value="org">UBND xã Thử Nghiệm</option>');
    expect(page.body).not.toContain('xa-ngoai');
    const csrf = /name="_csrf" value="([^"]+)"/.exec(page.body)![1]!;

    const fields = { _csrf: csrf, email: 'dieuphoi@org.test.example', name: 'Điều phối viên', password: '  khoảng trắng cũng là mật khẩu ', organisationId: 'org', role: 'coordinator', agencyId: '' };
    const res = await w.app.inject({ method: 'POST', url: '/admin/users', cookies, headers: formHeaders, payload: form(fields) });
    expect([res.statusCode, res.headers.location]).toEqual([303, '/admin/users']);
    await w.signIn('dieuphoi@org.test.example', '  khoảng trắng cũng là mật khẩu ');
    const list = await w.app.inject({ method: 'GET', url: '/admin/users', cookies, headers: { accept: 'text/html' } });
    expect(list.body).toContain('dieuphoi@org.test.example');
    expect(list.body).toContain('Cơ quan đầu mối – UBND xã Thử Nghiệm');
  });

  it('takes the same fields as JSON at POST /api/admin/users, with the CSRF token in the body or the header', async () => {
    const { cookies, csrf } = await w.signIn('quantri@tinh.test.example', PASSWORD);
    const fields = { email: 'json@org.test.example', name: 'Qua JSON', password: 'mười hai ký tự!', organisationId: 'org', role: 'agency', agencyId: 'tyt' };
    const inBody = await w.app.inject({ method: 'POST', url: '/api/admin/users', cookies, payload: { ...fields, _csrf: csrf } });
    expect(inBody.statusCode).toBe(201);
    expect(inBody.json().memberships).toMatchObject([{ role: 'agency', agencyId: 'tyt', agencyName: 'Trạm Y tế xã' }]);
    const inHeader = await w.app.inject({ method: 'POST', url: '/api/admin/users', cookies, headers: { 'x-csrf-token': csrf }, payload: { ...fields, email: 'json2@org.test.example' } });
    expect(inHeader.statusCode).toBe(201);
  });

  it('shows the form again with the reason and what was typed (not the password), and refuses a post without its CSRF token', async () => {
    const { cookies, csrf } = await w.signIn('quantri@tinh.test.example', PASSWORD);
    const fields = { _csrf: csrf, email: 'ngan@org.test.example', name: '<b>Tên</b>', password: 'ngắn', organisationId: 'org', role: 'leader', agencyId: '' };
    const res = await w.app.inject({ method: 'POST', url: '/admin/users', cookies, headers: formHeaders, payload: form(fields) });
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('Thông tin tài khoản chưa hợp lệ');
    expect(res.body).toContain('password: mật khẩu cần ít nhất 12 ký tự');
    expect(res.body).toContain('value="ngan@org.test.example"');
    expect(res.body).toContain('value="&lt;b>Tên&lt;/b>"');
    expect(res.body).not.toContain('ngắn"');
    expect(res.body).toMatch(/<option value="leader" selected/);
    const { _csrf: _, ...withoutToken } = fields;
    expect((await w.app.inject({ method: 'POST', url: '/admin/users', cookies, headers: formHeaders, payload: form({ ...withoutToken, password: 'đủ mười hai ký tự' }) })).statusCode).toBe(403);
    expect(await w.db.user.count({ where: { email: 'ngan@org.test.example' } })).toBe(0);
  });
});
