// The coordinator's import page in a real browser (Debian's chromium through
// playwright-core) against the real API, SQLite database and Temporal dev server: the
// coordinator signs in (importing needs 'plan.import', and every request of the page rides
// on the session cookie with its CSRF token), pastes a plan, sees its quotes highlighted, adds
// a contact, confirms, and confirms again without creating anything twice.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Client, Connection } from '@temporalio/client';
import type { FastifyInstance } from 'fastify';
import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServer } from '../../src/api/server';
import type { DevServer } from '../../src/temporal/dev-server';
import { createUser } from '../helpers/principals';
import { createTestDb } from '../helpers/test-db';
import { startTestDevServer } from '../helpers/temporal';
import { launchChromium, signIn } from './browser';

/** The commune the sample plan 27/KH-UBND names as its issuer (the draft's organisation id). */
const HOA_BINH = 'uy-ban-nhan-dan-xa-hoa-binh';
const COORDINATOR = { email: 'vhxh@hoabinh.test.example', password: 'mật khẩu dài 12' };

describe('import page, end to end in chromium', () => {
  let server: DevServer;
  let testDb: ReturnType<typeof createTestDb>;
  let client: Client;
  let app: FastifyInstance;
  let browser: Browser;
  let signedIn: BrowserContext;
  let url: string;
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'hbc-e2e-'));

  beforeAll(async () => {
    server = await startTestDevServer(path.join(tmp, 'temporal.sqlite'));
    testDb = createTestDb();
    client = new Client({ connection: await Connection.connect({ address: server.address }) });
    app = buildServer({ db: testDb.db, temporal: client, taskQueue: 'e2e', clock: () => new Date('2026-03-10T03:00:00Z'), searchAttributes: true }, { logger: false });
    url = await app.listen({ host: '127.0.0.1', port: 0 });
    // Confirming writes into an organisation the coordinator belongs to: it exists before the import.
    await testDb.db.organisation.create({ data: { id: HOA_BINH, name: 'Ủy ban nhân dân xã Hòa Bình', kind: 'commune' } });
    await createUser(testDb.db, { ...COORDINATOR, grants: [{ organisationId: HOA_BINH, role: 'coordinator' }] });
    browser = await launchChromium();
    signedIn = await browser.newContext();
    await signIn(await signedIn.newPage(), url, COORDINATOR.email, COORDINATOR.password);
  });

  afterAll(async () => {
    await browser?.close();
    await app?.close();
    await client?.connection.close();
    await server?.stop();
    await testDb?.cleanup();
    fs.rmSync(tmp, { recursive: true, force: true });
  });

  it('sends an anonymous visitor to sign in, and back to the import page', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${url}/imports/new`);
    expect(new URL(page.url()).pathname).toBe('/sign-in');
    await page.fill('input[name="email"]', COORDINATOR.email);
    await page.fill('input[name="password"]', COORDINATOR.password);
    await Promise.all([page.waitForURL(`${url}/imports/new`), page.click('form[action="/sign-in"] button')]);
    expect(await page.textContent('h1')).toBe('Nhập kế hoạch');
    await context.close();
  });

  it('pastes a plan, shows the proposal beside the highlighted text, and confirms it once', async () => {
    const page = await signedIn.newPage();
    await page.goto(`${url}/imports/new`);
    await page.fill('#paste', fs.readFileSync('samples/plans/27-KH-UBND-chuyen-doi-so.txt', 'utf8'));
    await page.click('#read button');
    await page.waitForSelector('#confirm');

    // Each obligation's quote is highlighted in the text.
    const highlighted = await page.locator('mark.obligation').allTextContents();
    expect(highlighted).toContain('Công an xã báo cáo tình hình an ninh mạng hằng quý, trước ngày 15 của tháng cuối quý, gửi về Ủy ban nhân dân xã.');
    expect(await page.inputValue('[name="plan.number"]')).toBe('27/KH-UBND');
    expect(await page.locator('#obligations tr').count()).toBe(1 + 5);

    // The coordinator adds Công an xã's contact and confirms.
    const row = page.locator('#agencies tr', { has: page.locator('input[value="Công an xã"]') });
    await row.locator('[name="contactName"]').fill('Đội trưởng');
    await row.locator('[name="contactEmail"]').fill('conganxa@hoabinh.test');
    await page.click('#confirm');
    await page.waitForSelector('#result.ok >> text=Đã tạo kế hoạch');
    expect(await page.textContent('#result')).toContain('5 đơn vị, 5 nghĩa vụ, 2 đợt');

    await page.click('#confirm');
    await page.waitForSelector('#result.ok >> text=không tạo trùng');
    expect(await testDb.db.plan.count()).toBe(1);
    expect(await testDb.db.obligation.count()).toBe(5);
    expect(await testDb.db.contact.findMany({ select: { email: true } })).toEqual([{ email: 'conganxa@hoabinh.test' }]);
  });

  it.each([['docx'], ['pdf']])('reads an uploaded .%s file', async (ext) => {
    const page = await signedIn.newPage();
    await page.goto(`${url}/imports/new`);
    await page.setInputFiles('#file', `test/fixtures/plans/27-KH-UBND.${ext}`);
    await page.click('#read button');
    await page.waitForSelector('#confirm');
    expect(await page.inputValue('[name="plan.number"]')).toBe('27/KH-UBND');
    expect(await page.inputValue('[name="org.name"]')).toBe('Ủy ban nhân dân xã Hòa Bình');
    // "Bỏ" drops a proposed obligation (one listener on the page: no inline handlers).
    await page.click('#obligations button:has-text("Bỏ")');
    expect(await page.locator('#obligations tr').count()).toBe(1 + 4);
  });

  it('shows a plan whose agency name hides a right-to-left override without the override', async () => {
    const hostile = 'Trạm Y tế xã\u202Efdp.exe\u202C';
    const plan = [
      'Số: 12/KH-UBND',
      'An Phú, ngày 02 tháng 01 năm 2026',
      'KẾ HOẠCH',
      'Thực hiện công tác dân vận năm 2026',
      'IV. TỔ CHỨC THỰC HIỆN',
      `1. ${hostile}`,
      'Báo cáo kết quả về Ủy ban nhân dân xã trước ngày 05/11 hằng năm.',
      '2. Phòng Nội vụ',
      'Theo dõi, đôn đốc.',
    ].join('\n');
    const page = await signedIn.newPage();
    await page.goto(`${url}/imports/new`);
    await page.fill('#paste', plan);
    const preview = page.waitForResponse('**/api/imports/preview');
    await page.click('#read button');
    // The server hands the plan back as written; the page must not show the override.
    expect(JSON.stringify(await (await preview).json())).toContain('\u202E');
    await page.waitForSelector('#confirm');
    const shown = [await page.innerHTML('#text'), await page.innerHTML('#draft'), ...(await Promise.all((await page.locator('#draft input').all()).map((input) => input.inputValue())))];
    expect(shown.join('\n')).toContain('Trạm Y tế xãfdp.exe');
    expect(shown.filter((s) => /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/.test(s))).toEqual([]);
  });

  it('shows the reader’s message for a document it cannot read', async () => {
    const page = await signedIn.newPage();
    await page.goto(`${url}/imports/new`);
    await page.fill('#paste', 'All agencies shall report before 5 November every year.');
    await page.click('#read button');
    await page.waitForSelector('#result.err');
    expect(await page.textContent('#result')).toContain('không phải tiếng Việt');
  });
});
