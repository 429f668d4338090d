// The organisation and agency pages as a person uses them: plain forms with the session's
// CSRF token, a redirect after each saved change, the form again with the reasons after a
// refused one, the header's links by role, and everything typed shown escaped.
import { describe, expect, it } from 'vitest';
import { adminWorld, createUser } from './admin-world';

const PASSWORD = 'mật khẩu đủ dài 12';
const HOSTILE = '"><script>alert(1)</script>';

describe('administration pages', () => {
  const w = adminWorld(async (db) => {
    await createUser(db, { email: 'quantri@tinh.test.example', password: PASSWORD, grants: [{ organisationId: 'tinh', role: 'administrator' }] });
    await createUser(db, { email: 'vhxh@org.test.example', password: PASSWORD, grants: [{ organisationId: 'org', role: 'coordinator' }] });
  });
  const html = { accept: 'text/html' };
  const formHeaders = { 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html' };
  const post = (url: string, s: { cookies: Record<string, string>; csrf: string }, fields: [string, string][]) =>
    w.app.inject({ method: 'POST', url, cookies: s.cookies, headers: formHeaders, payload: new URLSearchParams([['_csrf', s.csrf], ...fields]).toString() });
  // The header's links, without the language switch every page carries (test/web/language.test.ts).
  const navOf = (body: string) => [...body.matchAll(/<header>.*?<\/header>/gs)][0]![0].match(/href="(?!\/lang\/)[^"]+"/g);

  it('shows each visitor the links of what it may do', async () => {
    const admin = await w.signIn('quantri@tinh.test.example', PASSWORD);
    const coordinator = await w.signIn('vhxh@org.test.example', PASSWORD);
    expect(navOf((await w.app.inject({ method: 'GET', url: '/admin/organisations', cookies: admin.cookies, headers: html })).body)).toEqual([
      'href="/"', 'href="/imports/new"', 'href="/admin/organisations"', 'href="/admin/agencies"', 'href="/admin/users"', 'href="/admin/audit"',
    ]);
    expect(navOf((await w.app.inject({ method: 'GET', url: '/admin/agencies', cookies: coordinator.cookies, headers: html })).body)).toEqual([
      'href="/"', 'href="/imports/new"', 'href="/admin/agencies"',
    ]);
    const refused = await w.app.inject({ method: 'GET', url: '/admin/organisations', cookies: coordinator.cookies, headers: html });
    expect([refused.statusCode, refused.headers['content-type']]).toEqual([403, 'text/html; charset=utf-8']);
    const anonymous = await w.app.inject({ method: 'GET', url: '/admin/users', headers: html });
    expect([anonymous.statusCode, anonymous.headers.location]).toEqual([303, '/sign-in?next=%2Fadmin%2Fusers']);
  });

  it('creates a commune and sets its leadership and coordinating office from the forms', async () => {
    const s = await w.signIn('quantri@tinh.test.example', PASSWORD);
    const created = await post('/admin/organisations', s, [['parentId', 'tinh'], ['name', 'UBND xã Tân Lập'], ['kind', 'commune']]);
    expect([created.statusCode, created.headers.location]).toEqual([303, '/admin/organisations?saved']);
    const list = await w.app.inject({ method: 'GET', url: '/admin/organisations?saved', cookies: s.cookies, headers: html });
    expect(list.body).toContain('Đã tạo cơ quan.');
    expect(list.body).toContain('UBND xã Tân Lập');
    const twice = await post('/admin/organisations', s, [['parentId', 'tinh'], ['name', 'UBND xã Tân Lập'], ['kind', 'commune']]);
    expect(twice.statusCode).toBe(409);
    expect(twice.body).toContain('Đã có cơ quan &quot;UBND xã Tân Lập&quot; trực thuộc UBND tỉnh Thử Nghiệm');
    expect(twice.body).toContain('value="UBND xã Tân Lập"');

    const page = await w.app.inject({ method: 'GET', url: '/admin/organisations/org', cookies: s.cookies, headers: html });
    expect(page.body).toContain('<option value="coord">Phòng Văn hóa – Xã hội</option>'); // no office chosen yet
    expect(page.body).toContain('href="/plans/plan/reminder-policy"');
    const fields: [string, string][] = [
      ['name', 'UBND xã Thử Nghiệm'], ['leadershipName', ''], ['leadershipEmail', ''],
      ['coordinatorAgencyId', 'coord'], ['coordinatorWas', ''], ['coordinatorHeadName', 'Trưởng phòng'], ['coordinatorHeadEmail', 'truongphong.moi@xa.test.example'],
    ];
    // No office before: the office and its head are set in one go.
    const saved = await post('/admin/organisations/org', s, fields);
    expect([saved.statusCode, saved.headers.location]).toEqual([303, '/admin/organisations/org?saved']);
    const org = await w.db.organisation.findUniqueOrThrow({ where: { id: 'org' } });
    expect([org.leadershipName, org.leadershipEmail]).toEqual([null, null]); // emptied fields clear
    expect((await w.db.agency.findUniqueOrThrow({ where: { id: 'coord' } })).headEmail).toBe('truongphong.moi@xa.test.example');

    // Choosing another office leaves the head fields (the previous office's) alone.
    await post('/admin/organisations/org', s, [...fields.filter(([k]) => k !== 'coordinatorAgencyId' && k !== 'coordinatorWas'), ['coordinatorAgencyId', 'tyt'], ['coordinatorWas', 'coord']]);
    expect((await w.db.agency.findUniqueOrThrow({ where: { id: 'tyt' } })).headEmail).toBe('tramtruong@tyt.test.example');
    expect((await w.db.organisation.findUniqueOrThrow({ where: { id: 'org' } })).coordinatorAgencyId).toBe('tyt');

    const bad = await post('/admin/organisations/org', s, [['name', 'X'], ['leadershipEmail', 'chủ tịch']]);
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('name: ít nhất 2 ký tự');
    expect(bad.body).toContain('leadershipEmail: địa chỉ email không hợp lệ');
  });

  it('lets the coordinator add an agency, change its contacts and remove one, showing what was typed escaped', async () => {
    const s = await w.signIn('vhxh@org.test.example', PASSWORD);
    const created = await post('/admin/agencies', s, [['organisationId', 'org'], ['name', `Hội Phụ nữ ${HOSTILE}`], ['headName', ''], ['headEmail', '']]);
    expect(created.statusCode).toBe(303);
    const url = created.headers.location!.replace('?saved', '');
    const agencyId = decodeURIComponent(url.split('/').pop()!);
    const page = await w.app.inject({ method: 'GET', url: created.headers.location!, cookies: s.cookies, headers: html });
    expect(page.body).toContain('Đã lưu thay đổi.');
    expect(page.body).not.toContain('<script>alert(1)');
    expect(page.body).toContain('Hội Phụ nữ &quot;>&lt;script>alert(1)&lt;/script>');

    expect((await post(`${url}/contacts`, s, [['name', 'Chị Lan'], ['email', 'lan@hpn.test.example'], ['phone', '']])).statusCode).toBe(303);
    const contact = await w.db.contact.findFirstOrThrow({ where: { agencyId } });
    expect(contact.phone).toBeNull();
    const changed = await post(`${url}/contacts/${contact.id}`, s, [['name', 'Chị Lan'], ['email', 'lan.moi@hpn.test.example'], ['phone', '0912 000 111']]);
    expect(changed.statusCode).toBe(303);
    expect(await w.db.contact.findUniqueOrThrow({ where: { id: contact.id } })).toMatchObject({ email: 'lan.moi@hpn.test.example', phone: '0912 000 111' });
    // The contact's email language: Vietnamese unless chosen; the row's select says which.
    expect(contact.language).toBe('vi');
    expect((await post(`${url}/contacts/${contact.id}`, s, [['name', 'Chị Lan'], ['email', 'lan.moi@hpn.test.example'], ['phone', ''], ['language', 'en']])).statusCode).toBe(303);
    expect((await w.db.contact.findUniqueOrThrow({ where: { id: contact.id } })).language).toBe('en');
    const withLanguage = await w.app.inject({ method: 'GET', url, cookies: s.cookies, headers: html });
    expect(withLanguage.body).toMatch(/<option value="en" selected(="")?>\s*Tiếng Anh/);
    const badLanguage = await post(`${url}/contacts/${contact.id}`, s, [['name', 'Chị Lan'], ['email', 'lan.moi@hpn.test.example'], ['phone', ''], ['language', 'fr']]);
    expect([badLanguage.statusCode, badLanguage.body.includes('language: vi hoặc en')]).toEqual([400, true]);
    const refused = await post(`${url}/contacts/${contact.id}`, s, [['name', 'Chị Lan'], ['email', 'không có'], ['phone', '']]);
    expect([refused.statusCode, refused.body.includes('email: địa chỉ email không hợp lệ')]).toEqual([400, true]);
    expect((await post(`${url}/contacts/${contact.id}/delete`, s, [])).statusCode).toBe(303);
    expect(await w.db.contact.count({ where: { agencyId } })).toBe(0);
    // Another commune's agency is not the coordinator's to see.
    expect((await post('/admin/agencies/xa-b.tyt', s, [['name', 'Tên mới']])).statusCode).toBe(404);
  });
});
