// Issue 12's "the English switch changes the page", in Debian's chromium: a coordinator on the
// board clicks "English" in the header, the board reads in English (official status names,
// dates with the English weekday), the choice sticks on the next page, and "Tiếng Việt"
// switches back. The board reads rows only, so no Temporal server is needed (a client whose
// server never answers). Screenshots go to test-artifacts/language/.
import fs from 'node:fs';
import path from 'node:path';
import { Client, Connection } from '@temporalio/client';
import type { FastifyInstance } from 'fastify';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServer } from '../../src/api/server';
import { startMailCatcher, type MailCatcher } from '../../src/mail/mail-catcher';
import { createUser } from '../helpers/principals';
import { createTestDb } from '../helpers/test-db';
import { launchChromium, signIn } from './browser';

const ARTIFACTS = path.resolve('test-artifacts/language');
const COORDINATOR = { email: 'vhxh@dong.test.example', password: 'đầu mối xã Đông 2026' };
// Monday 16/11/2026: the last day, Wednesday 04/11/2026, is 8 working days past.
const NOW = new Date('2026-11-16T03:00:00Z');

describe('the English switch, end to end in chromium', () => {
  let testDb: ReturnType<typeof createTestDb>;
  let connection: Connection;
  let catcher: MailCatcher;
  let app: FastifyInstance;
  let browser: Browser;
  let url: string;

  beforeAll(async () => {
    testDb = createTestDb();
    const db = testDb.db;
    await db.organisation.create({ data: { id: 'xa-dong', name: 'UBND xã Đông', kind: 'commune' } });
    await db.agency.create({ data: { id: 'tyt', organisationId: 'xa-dong', name: 'Trạm Y tế xã', contacts: { create: [{ id: 'c1', name: 'Văn thư', email: 'van-thu@dong.test.example' }] } } });
    await db.plan.create({ data: { id: 'kh', organisationId: 'xa-dong', number: '12/KH-UBND', title: 'Kế hoạch bình đẳng giới', issuedOn: '2026-01-10', spanFrom: 2026, spanTo: 2030 } });
    await db.obligation.create({ data: { id: 'o1', planId: 'kh', agencyId: 'tyt', ruleText: 'trước ngày 05/11 hằng năm' } });
    await db.deadline.create({ data: { id: 'o1.2026', obligationId: 'o1', periodKey: '2026', periodLabel: 'Năm 2026', lastDay: '2026-11-04', dueAt: new Date('2026-11-04T17:00:00Z'), dataFrom: '2025-12-15', dataTo: '2026-12-14', status: 'open', workflowId: 'deadline/o1.2026' } });
    await createUser(db, { email: COORDINATOR.email, password: COORDINATOR.password, grants: [{ organisationId: 'xa-dong', role: 'coordinator' }] });
    catcher = await startMailCatcher({ port: 0 });
    connection = Connection.lazy({ address: '127.0.0.1:1', interceptors: [] });
    app = buildServer({ db, temporal: new Client({ connection }), taskQueue: 'language-e2e', clock: () => NOW, searchAttributes: false }, { logger: false, catcher });
    url = await app.listen({ host: '127.0.0.1', port: 0 });
    browser = await launchChromium();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await app?.close();
    await connection?.close();
    await catcher?.close();
    await testDb?.cleanup();
  });

  it('switches the board to English, keeps it on the next page, and switches back', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    fs.mkdirSync(ARTIFACTS, { recursive: true });
    await signIn(page, url, COORDINATOR.email, COORDINATOR.password, '/board');
    expect(await page.getAttribute('html', 'lang')).toBe('vi');
    expect(await page.textContent('h1')).toContain('Bảng theo dõi báo cáo');
    expect(await page.textContent('#board-rows')).toContain('Quá hạn');
    await page.screenshot({ path: path.join(ARTIFACTS, 'board-vi.png'), fullPage: true });

    await Promise.all([page.waitForURL((u) => u.pathname === '/board'), page.click('header a.lang')]);
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    expect(await page.textContent('h1')).toContain('Reporting board');
    const rows = (await page.textContent('#board-rows'))!;
    expect(rows).toContain('Overdue');
    expect(rows).toContain('Wednesday, 04/11/2026');
    expect(rows).toContain('Trạm Y tế xã'); // the agency's own name stays as it was typed
    expect(await page.textContent('header .who button')).toBe('Sign out');
    await page.screenshot({ path: path.join(ARTIFACTS, 'board-en.png'), fullPage: true });

    // The choice sticks: the deadline page opened from the board is in English too.
    await Promise.all([page.waitForURL((u) => u.pathname.startsWith('/deadlines/')), page.click('#board-rows a[href^="/deadlines/"]')]);
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    expect(await page.textContent('main')).toContain('Last day on time');
    await page.screenshot({ path: path.join(ARTIFACTS, 'deadline-en.png'), fullPage: true });

    await Promise.all([page.waitForURL((u) => u.pathname.startsWith('/deadlines/')), page.click('header a.lang')]);
    expect(await page.getAttribute('html', 'lang')).toBe('vi');
    expect(await page.textContent('main')).toContain('Ngày cuối cùng đúng hạn');
    expect(await page.textContent('header a.lang')).toBe('English');
    await page.screenshot({ path: path.join(ARTIFACTS, 'deadline-vi.png'), fullPage: true });
    await context.close();
  }, 120_000);
});
