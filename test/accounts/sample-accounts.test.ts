// The sample accounts of `npm start` on embedded defaults: a province above the sample
// commune and a second commune, one account per role in each with the one development
// password, marked as samples; made once (a restart, or an older data folder that has only
// the sample plan, gets exactly what is missing), printed as sign-in lines, refused by a
// production start, and deleted by `hanbaocao admin delete-sample-users`.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLES } from '../../src/auth/policy';
import { deleteSampleUsers, ensureSampleOrganisations, ensureSampleUsers, sampleAccountProblems, sampleSignInLines } from '../../src/services/accounts';
import { readSampleData } from '../../src/services/load-sample-data';
import { createTestDb } from '../helpers/test-db';
import { movableClock, signInAs, testApp, type TestApp } from './helpers';

const data = readSampleData('samples/sample-data.json');
const ORGS = ['tinh-hoa-binh-nam', 'xa-hoa-an', 'xa-binh-minh'];

describe('sample accounts', () => {
  let testDb: ReturnType<typeof createTestDb>;
  let t: TestApp;

  beforeAll(async () => {
    testDb = createTestDb();
    // A data folder from before the accounts: the sample commune is there, under no province.
    const { parentId: _parent, ...commune } = data.organisation;
    await testDb.db.organisation.create({ data: commune });
    for (const { contacts, ...agency } of data.agencies) {
      await testDb.db.agency.create({ data: { ...agency, organisationId: commune.id, contacts: { create: contacts } } });
    }
    t = testApp(testDb.db, movableClock('2026-10-20T03:00:00Z'));
  });
  afterAll(async () => {
    await t?.close();
    await testDb?.cleanup();
  });

  it('makes the province, a second commune and one account per role in each, once', async () => {
    await ensureSampleOrganisations(t.deps, data.accounts);
    await ensureSampleUsers(t.deps, data.accounts, data.organisation);
    await ensureSampleOrganisations(t.deps, data.accounts);
    await ensureSampleUsers(t.deps, data.accounts, data.organisation);

    const orgs = await testDb.db.organisation.findMany({ orderBy: { id: 'asc' } });
    expect(orgs.map((o) => [o.id, o.name, o.kind, o.parentId])).toEqual([
      ['tinh-hoa-binh-nam', 'UBND tỉnh Hòa Bình Nam', 'province', null],
      ['xa-binh-minh', 'UBND xã Bình Minh', 'commune', 'tinh-hoa-binh-nam'],
      ['xa-hoa-an', 'UBND xã Hòa An', 'commune', 'tinh-hoa-binh-nam'],
    ]);
    const users = await testDb.db.user.findMany({ include: { memberships: true } });
    expect(users).toHaveLength(ORGS.length * ROLES.length);
    expect(users.every((u) => u.sample)).toBe(true);
    for (const org of ORGS) {
      const roles = users.flatMap((u) => u.memberships).filter((m) => m.organisationId === org).map((m) => m.role);
      expect(roles.sort(), org).toEqual([...ROLES].sort());
    }
    // Each agency account acts for an agency of its own organisation.
    for (const m of users.flatMap((u) => u.memberships).filter((m) => m.role === 'agency')) {
      expect((await testDb.db.agency.findUniqueOrThrow({ where: { id: m.agencyId! } })).organisationId).toBe(m.organisationId);
    }
  });

  it('signs in with the sample password, each account with its one role', async () => {
    const { cookie } = await signInAs(t.app, 'lanhdao@hoabinhnam.example', data.accounts.password);
    const me = (await t.app.inject({ method: 'GET', url: '/api/session', cookies: { hbc_session: cookie } })).json().principal;
    expect(me.grants).toEqual([{ organisationId: 'tinh-hoa-binh-nam', role: 'leader', agencyId: null }]);
    expect((await t.app.inject({ method: 'POST', url: '/api/session', payload: { email: 'daumoi@binh-minh.example', password: data.accounts.password } })).statusCode).toBe(201);
  });

  it('prints how to sign in: the page, the one password, and every address with its role', () => {
    const names = Object.fromEntries([data.organisation, ...data.accounts.organisations].map((o) => [o.id, o.name]));
    const lines = sampleSignInLines(data.accounts, names, 'http://localhost:3000');
    expect(lines[0]).toBe(`sign in:     http://localhost:3000/sign-in, password of every sample account: ${data.accounts.password}`);
    expect(lines.slice(1)).toEqual([
      '  UBND tỉnh Hòa Bình Nam: quantri@hoabinhnam.example (administrator), daumoi@hoabinhnam.example (coordinator), lanhdao@hoabinhnam.example (leader), donvi@hoabinhnam.example (agency), thanhtra@hoabinhnam.example (auditor)',
      '  UBND xã Hòa An: quantri@hoa-an.example (administrator), daumoi@hoa-an.example (coordinator), lanhdao@hoa-an.example (leader), donvi@hoa-an.example (agency), thanhtra@hoa-an.example (auditor)',
      '  UBND xã Bình Minh: quantri@binh-minh.example (administrator), daumoi@binh-minh.example (coordinator), lanhdao@binh-minh.example (leader), donvi@binh-minh.example (agency), thanhtra@binh-minh.example (auditor)',
    ]);
  });

  it('is what a production start refuses, until the sample accounts are deleted', async () => {
    const [problem, ...more] = await sampleAccountProblems(t.deps);
    expect(more).toEqual([]);
    expect(problem).toMatch(/^Cơ sở dữ liệu có 15 tài khoản mẫu \(daumoi@binh-minh.example, daumoi@hoa-an.example, daumoi@hoabinhnam.example, \.\.\.\) .+ \/ the database holds 15 sample accounts .+ delete them with `npx hanbaocao admin delete-sample-users`/);
    await signInAs(t.app, 'quantri@hoa-an.example', data.accounts.password); // a session, deleted with its user

    expect(await deleteSampleUsers(t.deps, { principal: { kind: 'system', id: 'cli', label: 'test' }, ip: null })).toBe(15);
    expect(await sampleAccountProblems(t.deps)).toEqual([]);
    expect(await testDb.db.membership.count()).toBe(0);
    expect(await testDb.db.session.count({ where: { userId: { not: null } } })).toBe(0);
    expect(await testDb.db.auditEvent.count({ where: { action: 'admin.user.delete' } })).toBe(15);
  });
});
