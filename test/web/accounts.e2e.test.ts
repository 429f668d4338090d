// Issue 10's browser test, in Debian's chromium against the real API and SQLite database: an
// administrator of a province signs in, creates a coordinator for one of its communes through
// the admin user form, and signs out; the coordinator signs in and sees only that commune's
// deadlines, with the forms a coordinator may use; a leader of the province sees both
// communes' deadlines, read-only.
//
// Nothing here runs a workflow: Temporal is a client whose server never answers, so the one
// change the coordinator asks for gets as far as Temporal (past the policy and the CSRF
// check) and is answered "unavailable".
import { Client, Connection } from '@temporalio/client';
import type { FastifyInstance } from 'fastify';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServer } from '../../src/api/server';
import type { Db } from '../../src/db';
import { createUser } from '../helpers/principals';
import { createTestDb } from '../helpers/test-db';
import { launchChromium, signIn, signOut } from './browser';

const PROVINCE = 'tinh-thu-nghiem';
const COMMUNES = [
  { id: 'xa-an-phu', name: 'UBND xã An Phú', agency: 'Trạm Y tế xã An Phú', plan: '12/KH-UBND' },
  { id: 'xa-binh-lu', name: 'UBND xã Bình Lư', agency: 'Công an xã Bình Lư', plan: '645/KH-UBND' },
] as const;
const deadlineOf = (communeId: string) => `${communeId}.bao-cao.2026`;

const ADMIN = { email: 'quantri@tinh.test.example', password: 'quản trị viên tỉnh 2026' };
const LEADER = { email: 'chutich@tinh.test.example', password: 'lãnh đạo tỉnh 2026' };
const COORDINATOR = { email: 'vhxh@anphu.test.example', name: 'Phòng Văn hóa – Xã hội xã An Phú', password: 'đầu mối xã An Phú 2026' };

/** A province with two communes, each with an agency, a plan, an obligation and this year's deadline. */
async function seedWorld(db: Db): Promise<void> {
  await db.organisation.create({ data: { id: PROVINCE, name: 'UBND tỉnh Thử Nghiệm', kind: 'province' } });
  for (const c of COMMUNES) {
    await db.organisation.create({ data: { id: c.id, name: c.name, kind: 'commune', parentId: PROVINCE } });
    await db.agency.create({ data: { id: `${c.id}.agency`, organisationId: c.id, name: c.agency } });
    await db.plan.create({ data: { id: `${c.id}.plan`, organisationId: c.id, number: c.plan, title: `Kế hoạch của ${c.name}`, issuedOn: '2026-03-01', spanFrom: 2026, spanTo: 2030 } });
    await db.obligation.create({ data: { id: `${c.id}.obl`, planId: `${c.id}.plan`, agencyId: `${c.id}.agency`, ruleText: 'trước ngày 05/11 hằng năm' } });
    await db.deadline.create({
      data: {
        id: deadlineOf(c.id), obligationId: `${c.id}.obl`, periodKey: '2026', periodLabel: 'Năm 2026', lastDay: '2026-11-04',
        dueAt: new Date('2026-11-04T17:00:00Z'), dataFrom: '2025-12-15', dataTo: '2026-12-14', status: 'open', workflowId: `deadline/${deadlineOf(c.id)}`,
      },
    });
  }
  await createUser(db, { ...ADMIN, grants: [{ organisationId: PROVINCE, role: 'administrator' }] });
  await createUser(db, { ...LEADER, grants: [{ organisationId: PROVINCE, role: 'leader' }] });
}

/** The deadlines listed on the dashboard, by id. */
const listed = (page: Page) => page.locator('tr[data-deadline]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-deadline')).sort());

describe('accounts, end to end in chromium', () => {
  let testDb: ReturnType<typeof createTestDb>;
  let connection: Connection;
  let app: FastifyInstance;
  let browser: Browser;
  let url: string;

  beforeAll(async () => {
    testDb = createTestDb();
    await seedWorld(testDb.db);
    connection = Connection.lazy({ address: '127.0.0.1:1', interceptors: [] });
    app = buildServer(
      { db: testDb.db, temporal: new Client({ connection }), taskQueue: 'accounts-e2e', clock: () => new Date('2026-10-20T03:00:00Z'), searchAttributes: false },
      { logger: false },
    );
    url = await app.listen({ host: '127.0.0.1', port: 0 });
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await app?.close();
    await connection?.close();
    await testDb?.cleanup();
  });

  it('an administrator creates a coordinator who sees one commune; a province leader sees both, read-only', async () => {
    // The administrator creates the coordinator of xã An Phú through the admin user form.
    const admin = await (await browser.newContext()).newPage();
    await signIn(admin, url, ADMIN.email, ADMIN.password);
    const formPage = await admin.goto(`${url}/admin/users/new`);
    expect(formPage?.status(), 'GET /admin/users/new, the admin user form').toBe(200);
    const form = admin.locator('form', { has: admin.locator('[name="organisationId"]') });
    await form.locator('[name="email"]').fill(COORDINATOR.email);
    await form.locator('[name="name"]').fill(COORDINATOR.name);
    await form.locator('[name="password"]').fill(COORDINATOR.password);
    await form.locator('select[name="organisationId"]').selectOption('xa-an-phu');
    await form.locator('select[name="role"]').selectOption('coordinator');
    await Promise.all([
      admin.waitForURL((u) => u.pathname === '/admin/users'),
      form.locator('button[type="submit"], button:not([type]), input[type="submit"]').first().click(),
    ]);
    const created = await testDb.db.user.findUnique({ where: { email: COORDINATOR.email }, include: { memberships: true } });
    expect(created?.memberships.map((m) => [m.organisationId, m.role, m.agencyId])).toEqual([['xa-an-phu', 'coordinator', null]]);
    // Signing out from the dashboard's header (the admin pages are not this test's subject).
    await admin.goto(`${url}/`);
    await signOut(admin);

    // The coordinator sees xã An Phú's deadline and not xã Bình Lư's, even by its address.
    const coordinator = await (await browser.newContext()).newPage();
    await signIn(coordinator, url, COORDINATOR.email, COORDINATOR.password);
    expect(await listed(coordinator)).toEqual([deadlineOf('xa-an-phu')]);
    const hidden = await coordinator.goto(`${url}/deadlines/${deadlineOf('xa-binh-lu')}`);
    expect(hidden?.status()).toBe(404);
    expect(await coordinator.textContent('main')).toContain('Không tìm thấy nội dung này.');

    // On its own deadline it has the coordinator's forms, and their requests carry the CSRF
    // token: "remind now" gets past the check to Temporal, which does not answer here.
    await coordinator.goto(`${url}/deadlines/${deadlineOf('xa-an-phu')}`);
    expect(await coordinator.locator('form[data-api]').evaluateAll((forms) => forms.map((f) => f.id))).toEqual(['submit', 'remind', 'extend', 'waive']);
    const remind = coordinator.waitForResponse((r) => r.url().endsWith('/remind'));
    await coordinator.click('#remind button');
    expect((await remind).status()).toBe(503);
    await coordinator.waitForSelector('#result.err');
    expect(await coordinator.textContent('#result')).toBe('Chưa liên lạc được với quy trình nhắc hạn; hãy thử lại sau ít phút.');
    await signOut(coordinator);

    // The province's leader sees both communes' deadlines and no form on either.
    const leader = await (await browser.newContext()).newPage();
    await signIn(leader, url, LEADER.email, LEADER.password);
    expect(await listed(leader)).toEqual(COMMUNES.map((c) => deadlineOf(c.id)).sort());
    for (const c of COMMUNES) {
      const res = await leader.goto(`${url}/deadlines/${deadlineOf(c.id)}`);
      expect(res?.status()).toBe(200);
      expect(await leader.textContent('h1')).toBe(`${c.agency}: Năm 2026`);
      expect(await leader.locator('main form').count()).toBe(0);
    }
  });
});
