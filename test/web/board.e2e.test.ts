// Issue 12's browser test, in Debian's chromium against the real API, SQLite database and
// Temporal dev server with a worker: a coordinator opens the board, filters it to overdue,
// sees the late agency with its working days late, records its report received on paper
// with a document number, and the row turns to "Hoàn thành quá hạn"; on the plan page one
// click reminds every agency that has not reported (one reminder queued per agency; when it
// leaves depends on the hour, so the test reads the outbox, not the SMTP server). A leader
// of the province sees the escalated report on the late page. Screenshots of every page go
// to test-artifacts/board/.
//
// Data are dated from the real today (the dev server runs on the real clock).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Client, Connection } from '@temporalio/client';
import { NativeConnection, Worker } from '@temporalio/worker';
import type { FastifyInstance } from 'fastify';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServer } from '../../src/api/server';
import { addDays, localDateOf, startOfLocalDay, toIsoDate } from '../../src/domain/local-date';
import { startMailCatcher, type MailCatcher } from '../../src/mail/mail-catcher';
import { openPeriod } from '../../src/stores/open-period';
import type { DevServer } from '../../src/temporal/dev-server';
import { deadlineStarter } from '../../src/temporal/starters';
import { bundleWorkflows } from '../../src/worker';
import { testActivities } from '../helpers/fixtures';
import { createUser } from '../helpers/principals';
import { startTestDevServer } from '../helpers/temporal';
import { createTestDb } from '../helpers/test-db';
import { launchChromium, signIn } from './browser';

const TASK_QUEUE = 'board-e2e';
const ARTIFACTS = path.resolve('test-artifacts/board');
const COORDINATOR = { email: 'vhxh@dong.test.example', password: 'đầu mối xã Đông 2026' };
const LEADER = { email: 'chutich@tinh.test.example', password: 'lãnh đạo tỉnh 2026' };
const LATE = 'Công an xã <Đông>';
const ON_TIME = 'Trạm Y tế xã';
const NOT_DUE = 'Trường Tiểu học';

describe('the board, end to end in chromium', () => {
  let server: DevServer;
  let catcher: MailCatcher;
  let testDb: ReturnType<typeof createTestDb>;
  let client: Client;
  let worker: Worker;
  let running: Promise<void>;
  let app: FastifyInstance;
  let browser: Browser;
  let url: string;
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'hbc-board-e2e-'));
  const today = localDateOf(new Date());
  const day = (n: number) => toIsoDate(addDays(today, n));
  const year = String(today.year);

  async function shot(page: Page, name: string): Promise<void> {
    fs.mkdirSync(ARTIFACTS, { recursive: true });
    await page.screenshot({ path: path.join(ARTIFACTS, `${name}.png`), fullPage: true });
  }

  beforeAll(async () => {
    [server, catcher] = await Promise.all([startTestDevServer(path.join(tmp, 'temporal.sqlite')), startMailCatcher({ port: 0 })]);
    testDb = createTestDb();
    const db = testDb.db;
    client = new Client({ connection: await Connection.connect({ address: server.address }) });
    const starter = { client, taskQueue: TASK_QUEUE, searchAttributes: true };
    const workerConnection = await NativeConnection.connect({ address: server.address });
    worker = await Worker.create({ connection: workerConnection, taskQueue: TASK_QUEUE, workflowBundle: await bundleWorkflows(), activities: testActivities(db, catcher.port, starter, {}) });
    running = worker.run();
    app = buildServer({ db, temporal: client, taskQueue: TASK_QUEUE, clock: () => new Date(), searchAttributes: true }, { logger: false, catcher });
    url = await app.listen({ host: '127.0.0.1', port: 0 });

    await db.organisation.create({ data: { id: 'tinh', name: 'UBND tỉnh Thử', kind: 'province' } });
    await db.organisation.create({ data: { id: 'xa-dong', name: 'UBND xã Đông', kind: 'commune', parentId: 'tinh' } });
    await db.plan.create({ data: { id: 'kh', organisationId: 'xa-dong', number: '12/KH-UBND', title: 'Kế hoạch bình đẳng giới', issuedOn: day(-200), spanFrom: today.year - 1, spanTo: today.year + 4 } });
    const startDeadline = deadlineStarter(starter);
    for (const [i, name] of [LATE, ON_TIME, NOT_DUE].entries()) {
      await db.agency.create({ data: { id: `a${i}`, organisationId: 'xa-dong', name, contacts: { create: [{ id: `c${i}`, name: 'Văn thư', email: `van-thu-${i}@dong.test.example` }] } } });
      // The late and on-time agencies' last day was ten days ago; the school's is a month ahead.
      const lastDay = name === NOT_DUE ? day(30) : day(-10);
      await db.obligation.create({ data: { id: `o${i}`, planId: 'kh', agencyId: `a${i}`, ruleText: `chậm nhất ngày ${lastDay.slice(8, 10)}/${lastDay.slice(5, 7)} hằng năm` } });
      await openPeriod({ db, clock: () => new Date(), startDeadline }, {
        obligationId: `o${i}`, periodKey: year, label: `Năm ${year}`, lastDay,
        dueAt: startOfLocalDay(addDays(localDateOf(new Date(`${lastDay}T12:00:00+07:00`)), 1)).toISOString(),
        dataFrom: `${today.year - 1}-12-15`, dataTo: `${year}-12-14`,
      });
    }
    // The on-time agency reported on its last day (written as the activity would, to keep the test short).
    await db.submission.create({ data: { id: 's1', deadlineId: `o1.${year}`, submittedAt: new Date(`${day(-10)}T09:00:00+07:00`), recordedAt: new Date(), submittedBy: 'Văn thư', late: false } });
    await db.deadline.update({ where: { id: `o1.${year}` }, data: { status: 'submitted' } });
    // The escalation the late agency's ladder sent (its steps before the workflow started are skipped).
    await db.deadline.update({ where: { id: `o0.${year}` }, data: { escalationLevel: 2, escalatedTo: 'Chủ tịch UBND xã', escalatedAt: new Date() } });
    await createUser(db, { ...COORDINATOR, grants: [{ organisationId: 'xa-dong', role: 'coordinator' }] });
    await createUser(db, { ...LEADER, grants: [{ organisationId: 'tinh', role: 'leader' }] });
    browser = await launchChromium();
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await app?.close();
    worker?.shutdown();
    await running?.catch(() => undefined);
    await client?.connection.close();
    await server?.stop();
    await catcher?.close();
    await testDb?.cleanup();
    fs.rmSync(tmp, { recursive: true, force: true });
  });

  it('filters to overdue, records a paper report, and the row turns to "Hoàn thành quá hạn"', async () => {
    const page = await (await browser.newContext()).newPage();
    await signIn(page, url, COORDINATOR.email, COORDINATOR.password, '/board');
    expect(await page.locator('[data-count="overdue"] b').textContent()).toBe('1');
    await shot(page, '1-board');

    await page.selectOption('#board-filters select[name="status"]', 'overdue');
    await Promise.all([page.waitForURL((u) => u.searchParams.get('status') === 'overdue'), page.click('#board-filters button')]);
    const rows = page.locator('tr[data-deadline]');
    expect(await rows.count()).toBe(1);
    const row = rows.first();
    expect(await row.getAttribute('data-deadline')).toBe(`o0.${year}`);
    expect(await row.locator('td').nth(1).textContent()).toContain(LATE);
    // Ten calendar days ago: between 5 and 8 working days, whatever today is (one weekend or two).
    const daysLate = Number((await row.locator('td.num').textContent())!.match(/^\d+/)![0]);
    expect(daysLate).toBeGreaterThanOrEqual(4);
    expect(daysLate).toBeLessThanOrEqual(8);
    expect(await row.textContent()).toContain('Cấp 2: Chủ tịch UBND xã');
    await shot(page, '2-board-overdue');

    await Promise.all([page.waitForURL((u) => u.pathname === `/deadlines/o0.${year}`), row.locator('a', { hasText: 'Chi tiết' }).click()]);
    expect(await page.locator('#dates-explained').textContent()).toContain('vẫn là đúng hạn');
    const form = page.locator('form#submit');
    await form.locator('select[name="channel"]').selectOption('paper');
    await form.locator('input[name="submittedBy"]').fill('Văn thư Công an xã');
    await form.locator('input[name="documentNumber"]').fill('15/BC-CAX');
    await shot(page, '3-deadline-form');
    await Promise.all([page.waitForEvent('load'), form.locator('button').click()]);
    await page.waitForSelector('#received');
    expect(await page.locator('#received').textContent()).toContain('số 15/BC-CAX (bản giấy) (muộn hạn)');
    await shot(page, '4-deadline-received');

    await page.goto(`${url}/board?status=late`);
    const late = page.locator(`tr[data-deadline="o0.${year}"]`);
    expect(await late.getAttribute('data-status')).toBe('late');
    expect(await late.textContent()).toContain('Hoàn thành quá hạn');
    expect(await page.locator('[data-count="overdue"] b').textContent()).toBe('0');
    await shot(page, '5-board-late');
  });

  it('reminds every agency that has not reported with one click on the plan page', async () => {
    const page = await (await browser.newContext()).newPage();
    await signIn(page, url, COORDINATOR.email, COORDINATOR.password, '/plans/kh');
    expect(await page.locator(`#progress tr[data-period="${year}"]`).textContent()).toContain('2/3 đơn vị đã báo cáo');
    page.once('dialog', (d) => void d.accept());
    const form = page.locator(`form[data-period="${year}"]`);
    await form.locator('button').click();
    await expect.poll(() => form.locator('[role=status]').textContent()).toContain('Đã nhắc 1 đơn vị');
    await shot(page, '6-plan-reminded');
    const queued = await testDb.db.outboxMessage.findMany({ where: { stepKey: { startsWith: 'manual-' } }, select: { recipient: true } });
    expect(queued.map((q) => q.recipient)).toEqual(['van-thu-2@dong.test.example']);
  });

  it('a leader of the province sees the escalation on the late page', async () => {
    await testDb.db.deadline.update({ where: { id: `o2.${year}` }, data: { lastDay: day(-3), escalationLevel: 1, escalatedTo: 'Trưởng phòng VH-XH', escalatedAt: new Date() } });
    const page = await (await browser.newContext()).newPage();
    await signIn(page, url, LEADER.email, LEADER.password, '/late');
    const row = page.locator(`tr[data-deadline="o2.${year}"]`);
    expect(await row.textContent()).toContain('Cấp 1: Trưởng phòng VH-XH');
    expect(await page.locator('form[data-api]').count()).toBe(0);
    await shot(page, '7-late-leader');
  });
});
