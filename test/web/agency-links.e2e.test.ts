// Issue 11's browser test, in Debian's chromium against the real API, SQLite database,
// Temporal dev server with a worker, and SMTP catcher. It starts from a real email: an
// extension notice to the agency carries its signed link. A "scanner" GETs the link and
// records nothing; the clerk opens it, attaches a PDF, confirms, and gets the receipt number
// on the page and by email; the coordinator's list shows the deadline submitted, and the
// coordinator sends it back for completion from the deadline page (a new link by email). A
// tampered, expired, revoked and other-agency link each get the refusal page, are logged
// with the address, and record nothing.
import { readFileSync } from 'node:fs';
import type { FastifyInstance } from 'fastify';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEVELOPMENT_LINK_KEY } from '../../src/config';
import { buildServer } from '../../src/api/server';
import { addDays, localDateOf, toIsoDate } from '../../src/domain/local-date';
import type { MailCatcher } from '../../src/mail/mail-catcher';
import { confirmImport } from '../../src/services/confirm-import';
import { extendDeadline } from '../../src/services/deadline-updates';
import type { ServiceDeps } from '../../src/services/deps';
import { requestAdhocReport } from '../../src/services/request-adhoc-report';
import { systemActor } from '../../src/services/audit';
import { reportFilePath } from '../../src/services/report-files';
import { signLink } from '../../src/stores/signed-link';
import { bearer, createUser, grantToken } from '../helpers/principals';
import { startDevWorld, type DevWorld } from '../helpers/dev-world';
import { launchChromium, signIn } from './browser';

const TASK_QUEUE = 'agency-links-e2e';
const ORG = { id: 'xa-lien-ket', name: 'UBND xã Liên Kết', kind: 'commune' as const };
const CLERK = 'van-thu@tyt.lien-ket.example';
const COORDINATOR = { email: 'vhxh@lien-ket.example', password: 'đầu mối xã Liên Kết 2026' };
const SETUP = systemActor('test set-up');

/** A PDF as small as a PDF gets: what file-type recognises by its magic bytes. */
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n', 'latin1');

describe('agency signed links, end to end in chromium from a real email', () => {
  let catcher: MailCatcher;
  let world: DevWorld;
  let testDb: { db: DevWorld['db'] };
  let app: FastifyInstance;
  let browser: Browser;
  let url: string;
  let deps: ServiceDeps;
  let dataDir: string;
  const logLines: string[] = [];
  const today = localDateOf(new Date());
  const day = (n: number) => toIsoDate(addDays(today, n));
  let planId: string;
  let agencyId: string;
  let otherAgencyId: string;

  beforeAll(async () => {
    world = await startDevWorld(TASK_QUEUE);
    ({ catcher, deps, dataDir } = world);
    testDb = { db: world.db };
    app = buildServer(deps, {
      catcher,
      links: { keys: [DEVELOPMENT_LINK_KEY], dataDir, maxFileBytes: 1024 * 1024 },
      logger: { level: 'warn', stream: { write: (line: string) => void logLines.push(line) } },
    });
    url = await app.listen({ host: '127.0.0.1', port: 0 });
    browser = await launchChromium();

    await testDb.db.organisation.create({ data: ORG });
    ({ planId } = await confirmImport(deps, SETUP, {
      organisation: ORG,
      plan: { number: '21/KH-UBND', title: 'Kế hoạch thử liên kết ký số', issuedOn: day(-10), spanFrom: today.year, spanTo: today.year, coordinator: 'Phòng Văn hóa – Xã hội' },
      agencies: [
        { name: 'Phòng Văn hóa – Xã hội', contacts: [{ name: 'Chuyên viên', email: 'vhxh-contact@lien-ket.example' }] },
        { name: 'Trạm Y tế xã', contacts: [{ name: 'Văn thư', email: CLERK }] },
      ],
      obligations: [],
    }));
    const agencies = await testDb.db.agency.findMany({ where: { organisationId: ORG.id } });
    agencyId = agencies.find((a) => a.name === 'Trạm Y tế xã')!.id;
    otherAgencyId = agencies.find((a) => a.name !== 'Trạm Y tế xã')!.id;
    await createUser(testDb.db, { ...COORDINATOR, grants: [{ organisationId: ORG.id, role: 'coordinator' }] });
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await app?.close();
    await world?.close();
  });

  /** A new deadline of the agency whose extension notice (a real email) carries its link; the link as the clerk's mail shows it, pointed at this app. */
  async function deadlineWithEmailedLink(title: string): Promise<{ deadlineId: string; link: string }> {
    const { deadlineIds } = await requestAdhocReport(deps, SETUP, planId, { title, agencyIds: [agencyId], lastDay: day(20), requestedBy: 'Chuyên viên đầu mối' });
    const deadlineId = deadlineIds[0]!;
    await extendDeadline(deps, SETUP, deadlineId, { newLastDay: day(30), reason: 'Chờ số liệu', grantedBy: 'Chủ tịch UBND' });
    const mail = await waitFor(`the extension notice of ${title}`, () =>
      catcher.messages().find((m) => m.to.includes(CLERK) && m.subject.includes('[Gia hạn]') && m.text.includes(title)),
    );
    const found = /https?:\/\/\S+\/bao-cao\/([A-Za-z0-9_-]+\.[A-Za-z0-9_-]+)/.exec(mail.text);
    expect(found, 'the notice to the agency carries its signed link').not.toBeNull();
    // The coordinator in copy gets the dashboard link, never the agency's.
    const copy = await waitFor('the copy to the coordinator', () => catcher.messages().find((m) => m.to.includes('vhxh-contact@lien-ket.example') && m.text.includes(title)));
    expect(copy.text).not.toContain('/bao-cao/');
    return { deadlineId, link: `${url}/bao-cao/${found![1]}` };
  }

  async function waitFor<T>(what: string, probe: () => T | undefined | Promise<T | undefined>, capMs = 60_000): Promise<T> {
    const until = Date.now() + capMs;
    for (;;) {
      const v = await probe();
      if (v !== undefined && v !== null) return v;
      if (Date.now() > until) throw new Error(`gave up waiting for ${what}`);
      await new Promise((r) => setTimeout(r, 200));
    }
  }

  const recorded = async (deadlineId: string) => ({
    submissions: await testDb.db.submission.count({ where: { deadlineId } }),
    status: (await testDb.db.deadline.findUniqueOrThrow({ where: { id: deadlineId } })).status,
    receipts: await testDb.db.outboxMessage.count({ where: { deadlineId, stepKey: { startsWith: 'receipt' } } }),
  });

  it('a scanner GET records nothing; a file that is not what its name says is refused; the clerk attaches a PDF and confirms, gets the receipt page and email; the coordinator sees it submitted, then sends it back and the new link opens the form again', async () => {
    const { deadlineId, link } = await deadlineWithEmailedLink('Báo cáo nhanh tình hình dịch bệnh');

    // A mail scanner follows the link: the confirmation page, and nothing recorded.
    const scanned = await fetch(link, { headers: { 'user-agent': 'SafeLinks-Scanner/1.0' } });
    expect(scanned.status).toBe(200);
    expect(await scanned.text()).toContain('Xác nhận gửi báo cáo');
    expect(await recorded(deadlineId)).toEqual({ submissions: 0, status: 'open', receipts: 0 });
    // Nor did the GET open a session: no ambient credential, nothing written.
    expect(scanned.headers.get('set-cookie')).toBeNull();
    expect(await testDb.db.session.count()).toBe(0);

    const page = await (await browser.newContext()).newPage();
    const opened = await page.goto(link);
    expect(opened?.status()).toBe(200);
    // A file whose name says PDF but whose bytes do not: the form again, with the reason, and nothing recorded.
    await page.fill('input[name="documentNumber"]', '15/BC-TYT');
    await page.fill('input[name="documentDate"]', day(0));
    await page.setInputFiles('input[name="file"]', { name: 'bao-cao.pdf', mimeType: 'application/pdf', buffer: Buffer.from('MZ\x90\x00 not a report', 'latin1') });
    const [refused] = await Promise.all([page.waitForResponse((r) => r.request().method() === 'POST'), page.click('form button')]);
    expect(refused.status()).toBe(400);
    expect(await page.textContent('[role="alert"]')).toContain('Chỉ nhận tệp PDF, DOCX, XLSX hoặc ảnh');
    expect(await page.inputValue('input[name="documentNumber"]')).toBe('15/BC-TYT');
    expect(await recorded(deadlineId)).toEqual({ submissions: 0, status: 'open', receipts: 0 });
    await page.fill('input[name="documentNumber"]', '15/BC-TYT');
    await page.fill('input[name="documentDate"]', day(0));
    await page.setInputFiles('input[name="file"]', { name: 'bao-cao-dich-benh.pdf', mimeType: 'application/pdf', buffer: PDF });
    await page.fill('textarea[name="note"]', 'Gửi kèm <b>phụ lục</b>');
    const [answer] = await Promise.all([page.waitForResponse((r) => r.request().method() === 'POST'), page.click('form button')]);
    expect(answer.status(), await answer.text()).toBe(200);
    const receiptNumber = (await page.textContent('[data-receipt]'))!;
    expect(receiptNumber).toMatch(/^BN-\d{8}-[0-9A-F]{8}$/);

    const submission = await testDb.db.submission.findFirstOrThrow({ where: { deadlineId } });
    expect(submission).toMatchObject({ documentNumber: '15/BC-TYT', documentDate: day(0), fileName: 'bao-cao-dich-benh.pdf', fileMediaType: 'application/pdf', fileSize: PDF.length, receiptNumber, note: 'Gửi kèm <b>phụ lục</b>' });
    // Stored under the data directory by its content hash.
    expect(readFileSync(reportFilePath(dataDir, submission.fileSha256!))).toEqual(PDF);
    // The audit log names the link as the actor, with the address it came from.
    const audit = await testDb.db.auditEvent.findFirstOrThrow({ where: { subjectId: deadlineId, action: 'deadline.submit' } });
    expect(audit).toMatchObject({ actorType: 'link', actorLabel: 'Liên kết của Trạm Y tế xã', ip: '127.0.0.1' });

    // The receipt email, through the outbox, with the same number.
    const receipt = await waitFor('the receipt email', () => catcher.messages().find((m) => m.to.includes(CLERK) && m.subject.includes('[Đã nhận báo cáo]') && m.text.includes(receiptNumber)));
    expect(receipt.text).toContain('Số văn bản: 15/BC-TYT');
    expect(receipt.text).toContain('Tệp đính kèm: bao-cao-dich-benh.pdf');

    // The coordinator's list shows the deadline as submitted.
    const coordinator = await (await browser.newContext()).newPage();
    await signIn(coordinator, url, COORDINATOR.email, COORDINATOR.password);
    const row = coordinator.locator(`tr[data-deadline="${deadlineId}"]`);
    expect(await row.textContent()).toContain('Đã nộp đúng hạn');

    // Opening the link again shows the receipt, not a second form; posting again records nothing more.
    await page.goto(link);
    expect(await page.textContent('main')).toContain(receiptNumber);
    expect(await page.locator('input[name="documentNumber"]').count()).toBe(0);
    expect((await recorded(deadlineId)).submissions).toBe(1);

    // The agency's own page: its periods, what it reported, the receipt.
    await page.goto(`${link}/don-vi`);
    const overview = (await page.textContent('main'))!;
    expect(overview).toContain('Trạm Y tế xã');
    expect(overview).toContain(receiptNumber);
    expect(overview).toContain('bao-cao-dich-benh.pdf');

    // The coordinator sends it back for completion from the deadline page (once the receipt's run has ended).
    await waitFor('the first run to end', async () => ((await world.client.workflow.getHandle(`deadline/${deadlineId}`).describe()).status.name === 'COMPLETED' ? true : undefined));
    await coordinator.goto(`${url}/deadlines/${deadlineId}`);
    await coordinator.fill('#return textarea[name="reason"]', 'Thiếu phụ lục số liệu');
    await coordinator.fill('#return input[name="newLastDay"]', day(40));
    await coordinator.fill('#return input[name="returnedBy"]', 'Chuyên viên VH-XH');
    await Promise.all([coordinator.waitForURL((u) => u.searchParams.get('returned') === '1'), coordinator.click('#return button')]);
    const returnMail = await waitFor('the return notice', () => catcher.messages().find((m) => m.to.includes(CLERK) && m.subject.includes('[Yêu cầu bổ sung]')));
    expect(returnMail.text).toContain('Lý do: Thiếu phụ lục số liệu');
    const newToken = /\/bao-cao\/([A-Za-z0-9_-]+\.[A-Za-z0-9_-]+)/.exec(returnMail.text)![1]!;
    // The new link opens the form again; the agency's page keeps the returned report.
    await page.goto(`${url}/bao-cao/${newToken}`);
    expect(await page.locator('input[name="documentNumber"]').count()).toBe(1);
    await page.goto(`${url}/bao-cao/${newToken}/don-vi`);
    expect(await page.textContent('main')).toContain('Được yêu cầu bổ sung');
  }, 240_000);

  it('a tampered, expired, revoked or other-agency link gets the refusal page, is logged with the address, and records nothing', async () => {
    const { deadlineId, link } = await deadlineWithEmailedLink('Báo cáo kết quả tiêm chủng');
    const token = link.slice(link.lastIndexOf('/') + 1);
    const [claims, signature] = token.split('.') as [string, string];
    // The coordinator revokes the deadline's links; the emailed one is refused from then on.
    const token2 = await grantToken(testDb.db, { organisationId: ORG.id, role: 'coordinator' });
    const revoked = await app.inject({ method: 'POST', url: `/api/deadlines/${deadlineId}/link-revocations`, headers: bearer(token2), payload: { reason: 'Thư bị chuyển nhầm' } });
    expect(revoked.statusCode, revoked.body).toBe(201);
    // Links made after the revocation, as a later email's would be: refused for their own reason.
    await new Promise((r) => setTimeout(r, 5));
    const flip = (s: string) => (s[5] === 'A' ? `${s.slice(0, 5)}B${s.slice(6)}` : `${s.slice(0, 5)}A${s.slice(6)}`);
    const expiresIn = (ms: number) => new Date(Date.now() + ms);
    const links = {
      // One character of the signature changed, and a claim changed under the old signature.
      tampered: `${url}/bao-cao/${claims}.${flip(signature)}`,
      'tampered-claims': `${url}/bao-cao/${flip(claims)}.${signature}`,
      expired: `${url}/bao-cao/${signLink([DEVELOPMENT_LINK_KEY], { agencyId, deadlineId, issuedAt: expiresIn(-40 * 86_400_000), expiresAt: expiresIn(-60_000) })}`,
      'other-agency': `${url}/bao-cao/${signLink([DEVELOPMENT_LINK_KEY], { agencyId: otherAgencyId, deadlineId, issuedAt: new Date(), expiresAt: expiresIn(86_400_000) })}`,
    };
    const expected: Record<string, string> = { tampered: 'forged', 'tampered-claims': 'forged', expired: 'expired', 'other-agency': 'other-agency', revoked: 'revoked' };

    const all = { ...links, revoked: link };

    const page = await (await browser.newContext()).newPage();
    for (const [name, href] of Object.entries(all)) {
      const before = logLines.length;
      const res = await page.goto(href);
      expect(res?.status(), name).toBe(name === 'expired' || name === 'revoked' ? 410 : 403);
      expect(await page.getAttribute('[data-refusal]', 'data-refusal'), name).toBe(expected[name]);
      expect(await page.textContent('main'), name).toContain('Không có nội dung nào được ghi nhận.');
      // A POST through the same link is refused the same way.
      const posted = await fetch(href, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ submittedBy: 'x', documentNumber: '1/BC', documentDate: day(0), link: 'https://example.com/bc', nonce: 'x' }) });
      expect(posted.status, name).toBe(name === 'expired' || name === 'revoked' ? 410 : 403);
      const logged = logLines.slice(before).map((l) => JSON.parse(l) as { msg: string; linkRefusal?: string; remoteAddress?: string });
      expect(logged.filter((l) => l.msg === 'agency link refused').map((l) => [l.linkRefusal, l.remoteAddress]), name).toEqual([
        [expected[name], '127.0.0.1'],
        [expected[name], '127.0.0.1'],
      ]);
      // The token is a credential: no log line carries it.
      expect(logLines.slice(before).join('\n')).not.toContain(href.slice(href.lastIndexOf('/') + 1));
    }
    expect(await recorded(deadlineId)).toEqual({ submissions: 0, status: 'open', receipts: 0 });
  }, 180_000);
});
