// Organisations and agencies through the administration API: who sees and changes which
// (a province's administrator its communes, a commune's only its own, a coordinator its
// agencies), what is refused and how, and the audit row of every change.
import { describe, expect, it } from 'vitest';
import { adminWorld } from './admin-world';

describe('organisations', () => {
  const w = adminWorld();
  const get = (url: string, headers: Record<string, string>) => w.app.inject({ method: 'GET', url, headers });
  const send = (method: 'POST' | 'PATCH' | 'DELETE', url: string, headers: Record<string, string>, payload?: object) => w.app.inject({ method, url, headers, payload });

  it('lists what each administrator administers: a province its communes, a commune itself', async () => {
    const ids = async (who: string) => (await get('/api/admin/organisations', w.as[who]!)).json().organisations.map((o: { id: string }) => o.id).sort();
    expect(await ids('provinceAdmin')).toEqual(['org', 'tinh', 'xa-b']);
    expect(await ids('communeAdmin')).toEqual(['org']);
    expect((await get('/api/admin/organisations', w.as.coordinator!)).statusCode).toBe(403);
    expect((await get('/api/admin/organisations', {})).statusCode).toBe(401);
  });

  it("creates a commune under the province, refuses one under a commune or someone else's province", async () => {
    const created = await send('POST', '/api/admin/organisations', w.as.provinceAdmin!, { parentId: 'tinh', name: 'UBND xã Mới Lập', kind: 'commune' });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ id: 'ubnd-xa-moi-lap', parentId: 'tinh', parentName: 'UBND tỉnh Thử Nghiệm', kind: 'commune', coordinator: null });
    const again = await send('POST', '/api/admin/organisations', w.as.provinceAdmin!, { parentId: 'tinh', name: 'UBND xã Mới Lập', kind: 'commune' });
    expect([again.statusCode, again.json().message]).toEqual([409, 'Đã có cơ quan "UBND xã Mới Lập" trực thuộc UBND tỉnh Thử Nghiệm']);
    const underCommune = await send('POST', '/api/admin/organisations', w.as.provinceAdmin!, { parentId: 'org', name: 'Tỉnh Lạ', kind: 'province' });
    expect(underCommune.statusCode).toBe(400);
    expect(underCommune.json()).toMatchObject({ details: ['kind: cấp tỉnh không thể trực thuộc cấp xã, phường'], detailsEn: ['kind: a province cannot be under a commune'] });
    const sameLevel = await send('POST', '/api/admin/organisations', w.as.provinceAdmin!, { parentId: 'org', name: 'Thôn Một', kind: 'commune' });
    expect(sameLevel.json().detailsEn).toEqual(['kind: a commune cannot be under a commune']);
    // The province is not the commune administrator's to see, the outsider's even less.
    expect((await send('POST', '/api/admin/organisations', w.as.communeAdmin!, { parentId: 'tinh', name: 'UBND xã Khác Nữa', kind: 'commune' })).statusCode).toBe(404);
    expect((await send('POST', '/api/admin/organisations', w.as.outsiderAdmin!, { parentId: 'tinh', name: 'UBND xã Khác Nữa', kind: 'commune' })).statusCode).toBe(404);
    const audit = await w.db.auditEvent.findFirstOrThrow({ where: { action: 'admin.organisation.create' } });
    expect(audit).toMatchObject({ actorType: 'token', organisationId: 'ubnd-xa-moi-lap', subjectId: 'ubnd-xa-moi-lap', ip: '127.0.0.1' });
  });

  it("sets the leadership, the coordinating office and its head; refuses another organisation's agency", async () => {
    const url = '/api/admin/organisations/org';
    const foreign = await send('PATCH', url, w.as.communeAdmin!, { coordinatorAgencyId: 'xa-b.tyt' });
    expect([foreign.statusCode, foreign.json().message]).toEqual([400, 'Cơ quan đầu mối phải là một đơn vị của chính cơ quan này']);
    await w.db.organisation.update({ where: { id: 'org' }, data: { coordinatorAgencyId: null } });
    const headless = await send('PATCH', url, w.as.communeAdmin!, { coordinatorHeadEmail: 'tp@xa.test.example' });
    expect(headless.json().messageEn).toBe('Choose the coordinating office before setting its head');
    const ok = await send('PATCH', url, w.as.provinceAdmin!, {
      name: 'UBND xã Thử Nghiệm Mới',
      leadershipName: 'Chủ tịch UBND xã',
      leadershipEmail: '  ChuTich.Moi@xa.test.example ',
      coordinatorAgencyId: 'coord',
      coordinatorHeadName: 'Trưởng phòng mới',
      coordinatorHeadEmail: 'tp.moi@xa.test.example',
    });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({
      name: 'UBND xã Thử Nghiệm Mới',
      leadershipEmail: 'chutich.moi@xa.test.example',
      coordinator: { id: 'coord', headName: 'Trưởng phòng mới', headEmail: 'tp.moi@xa.test.example' },
    });
    expect((await send('PATCH', url, w.as.communeAdmin!, { leadershipName: null, leadershipEmail: null })).json()).toMatchObject({ leadershipName: null, leadershipEmail: null });
    expect((await send('PATCH', url, w.as.coordinator!, { name: 'Tên khác' })).statusCode).toBe(403);
    expect((await send('PATCH', url, w.as.siblingAdmin!, { name: 'Tên khác' })).statusCode).toBe(404);
    const empty = await send('PATCH', url, w.as.communeAdmin!, {});
    expect(empty.json().detailsEn).toEqual(['(body): nothing to change']);
    const audit = await w.db.auditEvent.findMany({ where: { action: 'admin.organisation.update', subjectId: 'org' }, orderBy: { id: 'asc' } });
    expect(audit).toHaveLength(2);
    expect(JSON.parse(audit[0]!.before!)).toMatchObject({ name: 'UBND xã Thử Nghiệm', coordinatorAgencyId: null });
    expect(JSON.parse(audit[0]!.after!)).toMatchObject({ coordinatorAgencyId: 'coord', coordinatorHead: { name: 'Trưởng phòng mới' } });
  });
});

describe('agencies and contacts', () => {
  const w = adminWorld();
  const get = (url: string, headers: Record<string, string>) => w.app.inject({ method: 'GET', url, headers });
  const send = (method: 'POST' | 'PATCH' | 'DELETE', url: string, headers: Record<string, string>, payload?: object) => w.app.inject({ method, url, headers, payload });

  it('lets the coordinator create an agency, rename it, set its head and change its contacts', async () => {
    const created = await send('POST', '/api/admin/agencies', w.as.coordinator!, {
      organisationId: 'org',
      name: 'Công an xã',
      contacts: [{ name: 'Cán bộ tổng hợp', email: 'tonghop@ca.test.example', phone: '0912 345 678' }],
    });
    expect(created.statusCode).toBe(201);
    const agency = created.json();
    expect(agency).toMatchObject({ id: 'org.cong-an-xa', organisationName: 'UBND xã Thử Nghiệm', headName: null, contacts: [{ email: 'tonghop@ca.test.example', phone: '0912 345 678' }] });
    const url = `/api/admin/agencies/${agency.id}`;

    expect((await send('PATCH', url, w.as.coordinator!, { name: 'Trạm Y tế xã' })).json()).toMatchObject({ error: 'conflict', message: 'Cơ quan này đã có đơn vị tên "Trạm Y tế xã"' });
    expect((await send('PATCH', url, w.as.coordinator!, { name: 'Công an xã Thử Nghiệm', headName: 'Trưởng Công an xã', headEmail: 'truong@ca.test.example' })).json()).toMatchObject({
      name: 'Công an xã Thử Nghiệm',
      headEmail: 'truong@ca.test.example',
    });

    const added = await send('POST', `${url}/contacts`, w.as.coordinator!, { name: 'Văn thư', email: 'vanthu@ca.test.example' });
    expect(added.statusCode).toBe(201);
    const contactId = added.json().id;
    const changed = await send('PATCH', `${url}/contacts/${contactId}`, w.as.coordinator!, { email: 'vanthu.moi@ca.test.example', phone: null });
    expect(changed.json()).toEqual({ id: contactId, name: 'Văn thư', email: 'vanthu.moi@ca.test.example', phone: null, language: 'vi' });
    const bad = await send('PATCH', `${url}/contacts/${contactId}`, w.as.coordinator!, { email: 'không phải email' });
    expect(bad.json().details).toEqual(['email: địa chỉ email không hợp lệ']);
    // A contact of another agency is not this agency's, whatever its id.
    expect((await send('PATCH', `${url}/contacts/tyt.0`, w.as.coordinator!, { name: 'Người khác' })).statusCode).toBe(404);
    expect((await send('DELETE', `${url}/contacts/${contactId}`, w.as.coordinator!)).statusCode).toBe(204);
    expect((await get(url, w.as.coordinator!)).json().contacts.map((c: { email: string }) => c.email)).toEqual(['tonghop@ca.test.example']);

    const actions = (await w.db.auditEvent.findMany({ where: { organisationId: 'org' }, orderBy: { id: 'asc' } })).map((a) => a.action);
    expect(actions).toEqual(['admin.agency.create', 'admin.agency.update', 'admin.agency.contact.add', 'admin.agency.contact.update', 'admin.agency.contact.remove']);
  });

  it.each([
    ['the commune leader (sees it, may not change it)', 'leader', 403],
    ["the province's coordinator (its own organisation only)", 'provinceCoordinator', 403],
    ["the province's administrator", 'provinceAdmin', 200],
    ['an administrator of a sibling commune (not revealed)', 'siblingAdmin', 404],
    ['the commune auditor', 'communeAuditor', 403],
  ])('changing an agency head: %s -> %s', async (_who, who, status) => {
    expect((await send('PATCH', '/api/admin/agencies/tyt', w.as[who]!, { headName: 'Trạm trưởng mới' })).statusCode).toBe(status);
  });

  it('lists the agencies each one administers, and refuses a bad body in both languages', async () => {
    const names = async (who: string, q = '') => (await get(`/api/admin/agencies${q}`, w.as[who]!)).json().agencies.map((a: { id: string }) => a.id).sort();
    expect(await names('coordinator')).toEqual(['coord', 'org.cong-an-xa', 'tyt']);
    expect(await names('provinceAdmin')).toEqual(['coord', 'org.cong-an-xa', 'tyt', 'xa-b.tyt']);
    expect(await names('provinceAdmin', '?organisationId=xa-b')).toEqual(['xa-b.tyt']);
    expect(await names('siblingAdmin', '?organisationId=org')).toEqual([]);
    const bad = await send('POST', '/api/admin/agencies', w.as.coordinator!, { organisationId: 'org', name: 'X', headEmail: 'x', contacts: [{ name: 'Ai đó', email: 'a@b.example', phone: 'gọi tôi' }] });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().detailsEn).toEqual([
      'name: at least 2 characters',
      'headEmail: not a valid email address',
      'contacts.0.phone: a phone number: 6-20 digits, spaces and + - . ( )',
    ]);
  });
});
