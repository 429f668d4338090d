// No page left untranslated: every page, read in English, shows no Vietnamese beyond what
// people typed (the data here is ASCII, except the plan's rule in its own words, which the
// page quotes) and the switch back to "Tiếng Việt"; read in Vietnamese it keeps its words.
import { Client, Connection } from '@temporalio/client';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServer } from '../../src/api/server';
import { startMailCatcher, type MailCatcher } from '../../src/mail/mail-catcher';
import { createUser } from '../helpers/principals';
import { createTestDb } from '../helpers/test-db';

const RULE = 'trước ngày 05/11 hằng năm';
const VIETNAMESE = /[À-ÃÈ-ÊÌÍÒ-ÕÙÚÝà-ãè-êìíò-õùúýĂăĐđĨĩŨũƠơƯưẠ-ỹ]/u;

/** The visible text of a page: no tags, scripts or styles; the language switch and the plan's own rule taken out. */
function visibleText(html: string): string {
  return html
    .replace(/<script[\s\S]*?<\/script>/g, ' ')
    .replace(/<style[\s\S]*?<\/style>/g, ' ')
    .replace(/<a class="lang"[^>]*>[^<]*<\/a>/g, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replaceAll(RULE, ' ')
    .replace(/&[a-z#0-9]+;/g, ' ');
}

/** Attributes people read too: titles, placeholders, labels, confirmations and the messages a form shows. */
function readableAttributes(html: string): string[] {
  return [...html.matchAll(/\s(?:title|placeholder|aria-label|data-done|data-confirm|content)="([^"]*)"/g)].map((m) => m[1]!).filter((v) => v !== RULE);
}

const PAGES = ['/', '/board', '/board?status=overdue', '/late', '/deadlines/obl.2026', '/plans/plan', '/agencies/tyt', '/admin/organisations', '/admin/organisations/org', '/admin/agencies', '/admin/agencies/tyt', '/admin/users', '/admin/users/new', '/admin/tokens', '/admin/audit', '/no-such-page'];
const ANONYMOUS_PAGES = ['/sign-in', '/password-reset'];

describe('every page in English', () => {
  let testDb: ReturnType<typeof createTestDb>;
  let connection: Connection;
  let catcher: MailCatcher;
  let app: FastifyInstance;
  let cookies: Record<string, string>;
  const password = 'a long password 12';

  beforeAll(async () => {
    testDb = createTestDb();
    const db = testDb.db;
    await db.organisation.create({ data: { id: 'org', name: 'Commune Test', kind: 'commune', leadershipName: 'Chairman', leadershipEmail: 'chair@org.test.example' } });
    await db.agency.create({ data: { id: 'coord', organisationId: 'org', name: 'Culture Office', headName: 'Head', headEmail: 'head@org.test.example', contacts: { create: [{ id: 'coord.1', name: 'Clerk', email: 'clerk@org.test.example' }] } } });
    await db.agency.create({ data: { id: 'tyt', organisationId: 'org', name: 'Health Station', headName: 'Doctor', headEmail: 'doctor@org.test.example', contacts: { create: [{ id: 'tyt.1', name: 'Nurse', email: 'nurse@org.test.example' }] } } });
    await db.plan.create({ data: { id: 'plan', organisationId: 'org', number: '77/KH-UBND', title: 'Gender equality plan', issuedOn: '2026-03-01', spanFrom: 2026, spanTo: 2030, coordinatorAgencyId: 'coord' } });
    await db.obligation.create({ data: { id: 'obl', planId: 'plan', agencyId: 'tyt', ruleText: RULE, indicators: 'Goal 4' } });
    await db.deadline.create({ data: { id: 'obl.2026', obligationId: 'obl', periodKey: '2026', periodLabel: 'Năm 2026', lastDay: '2026-11-04', dueAt: new Date('2026-11-04T17:00:00Z'), dataFrom: '2025-12-15', dataTo: '2026-12-14', status: 'open', workflowId: 'deadline/obl.2026' } });
    await db.deadline.create({ data: { id: 'obl.2025', obligationId: 'obl', periodKey: '2025', periodLabel: 'Năm 2025', lastDay: '2025-11-04', dueAt: new Date('2025-11-04T17:00:00Z'), dataFrom: '2024-12-15', dataTo: '2025-12-14', status: 'submitted', workflowId: 'deadline/obl.2025' } });
    await db.submission.create({ data: { id: 'sub.2025', deadlineId: 'obl.2025', submittedAt: new Date('2025-11-10T02:00:00Z'), recordedAt: new Date('2025-11-10T02:00:00Z'), submittedBy: 'Nurse', late: true } });
    await db.deadlineEvent.create({ data: { deadlineId: 'obl.2026', type: 'period-opened', at: new Date('2026-03-10T03:00:00Z'), payload: JSON.stringify({ periodKey: '2026', lastDay: '2026-11-04' }) } });
    await db.deadlineEvent.create({ data: { deadlineId: 'obl.2026', type: 'email-sent', at: new Date('2026-10-14T01:00:00Z'), payload: JSON.stringify({ step: 'reminder-14wd', kind: 'reminder', to: 'nurse@org.test.example' }) } });
    await createUser(testDb.db, { email: 'admin@org.test.example', password, grants: [{ organisationId: 'org', role: 'administrator' }] });
    catcher = await startMailCatcher({ port: 0 });
    connection = Connection.lazy({ address: '127.0.0.1:1', interceptors: [] });
    app = buildServer({ db, temporal: new Client({ connection }), taskQueue: 'language-pages', clock: () => new Date('2026-11-16T03:00:00Z'), searchAttributes: false }, { logger: false, catcher });
    const res = await app.inject({ method: 'POST', url: '/api/session', payload: { email: 'admin@org.test.example', password } });
    expect(res.statusCode).toBe(201);
    cookies = { hbc_session: res.cookies.filter((c) => c.name === 'hbc_session' && c.value).pop()!.value };
  });

  afterAll(async () => {
    await app?.close();
    await connection?.close();
    await catcher?.close();
    await testDb?.cleanup();
  });

  const get = (url: string, lang: 'vi' | 'en', signedIn = true) =>
    app.inject({ method: 'GET', url, cookies: { ...(signedIn ? cookies : {}), hbc_lang: lang }, headers: { accept: 'text/html' } });

  it.each([...PAGES.map((p) => [p, true] as const), ...ANONYMOUS_PAGES.map((p) => [p, false] as const)])('%s shows no Vietnamese in English', async (url, signedIn) => {
    const res = await get(url, 'en', signedIn);
    expect(res.statusCode, res.body.slice(0, 500)).toBeLessThan(url === '/no-such-page' ? 500 : 300);
    expect(res.body).toContain('<html lang="en">');
    const leftovers = visibleText(res.body).split(/\s{2,}/).map((t) => t.trim()).filter((t) => VIETNAMESE.test(t));
    expect(leftovers).toEqual([]);
    expect(readableAttributes(res.body).filter((t) => VIETNAMESE.test(t))).toEqual([]);
  });

  it.each(['/', '/board', '/deadlines/obl.2026', '/plans/plan'])('%s keeps its Vietnamese by default', async (url) => {
    const res = await get(url, 'vi');
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('<html lang="vi">');
    expect(res.body).toMatch(/Kế hoạch|Đơn vị|Hạn/);
  });

  it('writes dates dd/MM/yyyy with the weekday in both languages', async () => {
    expect(visibleText((await get('/deadlines/obl.2026', 'en')).body)).toContain('Wednesday, 04/11/2026');
    expect(visibleText((await get('/deadlines/obl.2026', 'vi')).body)).toContain('Thứ Tư, 04/11/2026');
  });
});
