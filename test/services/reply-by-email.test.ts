// Issue 11 item 2, "reply by email", from a real email: the notice an agency gets when its
// deadline is extended (through the outbox and the SMTP catcher, at any hour, unlike a
// request, which waits for the sending window) carries a Reply-To token address;
// the clerk's reply is sent over SMTP (nodemailer) with a DOCX to the app's inbound SMTP
// listener, and records the report with the file and the agency's own words. The same mail
// delivered twice records once. A reply from an unknown address (handed over by the
// development catcher, the other way in) and a forged token land in the review queue and
// record nothing; the coordinator assigns and rejects them through the API.
import { readFileSync } from 'node:fs';
import type { FastifyInstance } from 'fastify';
import JSZip from 'jszip';
import nodemailer from 'nodemailer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServer } from '../../src/api/server';
import { DEVELOPMENT_LINK_KEY, DEVELOPMENT_REPLY_ADDRESS } from '../../src/config';
import { addDays, localDateOf, toIsoDate } from '../../src/domain/local-date';
import { isReplyAddress, startInboundSmtp, type InboundSmtp } from '../../src/mail/inbound-smtp';
import type { MailCatcher } from '../../src/mail/mail-catcher';
import { systemActor } from '../../src/services/audit';
import { confirmImport } from '../../src/services/confirm-import';
import { extendDeadline } from '../../src/services/deadline-updates';
import type { ServiceDeps } from '../../src/services/deps';
import { receiveReply, type IntakeOutcome, type ReplySettings } from '../../src/services/inbound-replies';
import { reportFilePath } from '../../src/services/report-files';
import { requestAdhocReport } from '../../src/services/request-adhoc-report';
import { bearer, grantToken } from '../helpers/principals';
import { startDevWorld, type DevWorld } from '../helpers/dev-world';

const TASK_QUEUE = 'reply-by-email';
const ORG = { id: 'xa-tra-loi', name: 'UBND xã Trả Lời', kind: 'commune' as const };
const CLERK = 'van-thu@tyt.tra-loi.example';
const SETUP = systemActor('test set-up');
const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

async function docx(): Promise<Buffer> {
  const zip = new JSZip();
  zip.file('[Content_Types].xml', '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>');
  zip.file('word/document.xml', '<w:document/>');
  return zip.generateAsync({ type: 'nodebuffer' });
}

describe('reply by email, from a real reminder over SMTP', () => {
  let catcher: MailCatcher;
  let inbound: InboundSmtp;
  let world: DevWorld;
  let testDb: { db: DevWorld['db'] };
  let app: FastifyInstance;
  let deps: ServiceDeps;
  let dataDir: string;
  let settings: ReplySettings;
  let planId: string;
  let agencyId: string;
  let coordinatorToken: string;
  const outcomes: IntakeOutcome[] = [];
  const operatorLog: string[] = [];
  const today = localDateOf(new Date());
  const day = (n: number) => toIsoDate(addDays(today, n));

  beforeAll(async () => {
    world = await startDevWorld(TASK_QUEUE);
    ({ catcher, deps, dataDir } = world);
    testDb = { db: world.db };
    settings = { ...DEVELOPMENT_REPLY_ADDRESS, keys: [DEVELOPMENT_LINK_KEY], dataDir, maxFileBytes: 1024 * 1024 };
    // Both ways in feed the same intake, as src/main.ts wires them.
    const handle = async (raw: Buffer, envelope: { from: string; to: string[] }) => void outcomes.push(await receiveReply(deps, settings, raw, envelope, (l) => void operatorLog.push(l)));
    inbound = await startInboundSmtp({ host: '127.0.0.1', port: 0, maxMessageBytes: 2 * 1024 * 1024, addresses: DEVELOPMENT_REPLY_ADDRESS, handle, log: (l) => void operatorLog.push(l) });
    catcher.handOver((a) => isReplyAddress(a, DEVELOPMENT_REPLY_ADDRESS), handle);
    app = buildServer(deps, { catcher, links: { keys: [DEVELOPMENT_LINK_KEY], dataDir, maxFileBytes: 1024 * 1024 } });

    await testDb.db.organisation.create({ data: ORG });
    ({ planId } = await confirmImport(deps, SETUP, {
      organisation: ORG,
      plan: { number: '31/KH-UBND', title: 'Kế hoạch thử trả lời thư', issuedOn: day(-10), spanFrom: today.year, spanTo: today.year, coordinator: 'Phòng Văn hóa – Xã hội' },
      agencies: [
        { name: 'Phòng Văn hóa – Xã hội', contacts: [{ name: 'Chuyên viên', email: 'vhxh@tra-loi.example' }] },
        { name: 'Trạm Y tế xã', contacts: [{ name: 'Văn thư Trạm', email: CLERK }] },
      ],
      obligations: [],
    }));
    agencyId = (await testDb.db.agency.findFirstOrThrow({ where: { organisationId: ORG.id, name: 'Trạm Y tế xã' } })).id;
    coordinatorToken = await grantToken(testDb.db, { organisationId: ORG.id, role: 'coordinator' });
  }, 240_000);

  afterAll(async () => {
    await app?.close();
    await inbound?.close();
    await world?.close();
  });

  async function waitFor<T>(what: string, probe: () => T | undefined | null | Promise<T | undefined | null>, capMs = 60_000): Promise<T> {
    const until = Date.now() + capMs;
    for (;;) {
      const v = await probe();
      if (v !== undefined && v !== null) return v;
      if (Date.now() > until) throw new Error(`gave up waiting for ${what}`);
      await new Promise((r) => setTimeout(r, 200));
    }
  }

  /** A new deadline of the agency, and the extension notice the clerk got for it (a real email, caught by the SMTP catcher). */
  async function requested(title: string) {
    const { deadlineIds } = await requestAdhocReport(deps, SETUP, planId, { title, agencyIds: [agencyId], lastDay: day(20), requestedBy: 'Chuyên viên đầu mối' });
    const deadlineId = deadlineIds[0]!;
    await extendDeadline(deps, SETUP, deadlineId, { newLastDay: day(30), reason: 'Chờ số liệu', grantedBy: 'Chủ tịch UBND' });
    const mail = await waitFor(`the extension notice of ${title}`, () => catcher.messages().find((m) => m.to.includes(CLERK) && m.subject.includes('[Gia hạn]') && m.text.includes(title)));
    // The coordinator in copy gets no token address: a reply of theirs is no agency's report.
    const copy = await waitFor('the copy to the coordinator', () => catcher.messages().find((m) => m.to.includes('vhxh@tra-loi.example') && m.text.includes(title)));
    expect(copy.replyTo ?? []).toEqual([]);
    return { deadlineId, mail };
  }

  const reply = (port: number) => nodemailer.createTransport({ host: '127.0.0.1', port, ignoreTLS: true });
  const state = async (deadlineId: string) => ({
    status: (await testDb.db.deadline.findUniqueOrThrow({ where: { id: deadlineId } })).status,
    submissions: await testDb.db.submission.count({ where: { deadlineId } }),
  });

  it('a reply to the real notice from the agency\'s clerk, with a DOCX, records the report with the file and the agency\'s own words; the agency gets its receipt; the same mail again records nothing more', async () => {
    const { deadlineId, mail } = await requested('Báo cáo nhanh công tác tiêm chủng');
    const replyTo = mail.replyTo?.[0] ?? '';
    expect(replyTo).toMatch(/^baocao\+[a-z2-7]{42}@reply\.localhost$/);
    expect(replyTo.split('@')[0]!.length).toBeLessThanOrEqual(64);
    const file = await docx();
    const message = {
      from: `Văn thư Trạm <${CLERK}>`,
      to: replyTo,
      subject: `Re: ${mail.subject}`,
      inReplyTo: mail.messageId ?? undefined,
      messageId: '<tra-loi-1@tyt.tra-loi.example>',
      text: `Kính gửi Phòng VH-XH, Trạm gửi báo cáo tiêm chủng.\n\nVào ${day(0)} lúc 08:00 Hạn báo cáo <hbc@test.example> đã viết:\n> ${mail.text.split('\n').join('\n> ')}`,
      attachments: [{ filename: 'bao-cao-tiem-chung.docx', content: file, contentType: DOCX_TYPE }],
    };
    await reply(inbound.port).sendMail(message);

    const submission = await testDb.db.submission.findFirstOrThrow({ where: { deadlineId } });
    expect(submission).toMatchObject({ channel: 'email', submittedBy: 'Văn thư Trạm', fileName: 'bao-cao-tiem-chung.docx', fileMediaType: DOCX_TYPE, fileSize: file.length, note: 'Kính gửi Phòng VH-XH, Trạm gửi báo cáo tiêm chủng.' });
    expect(readFileSync(reportFilePath(dataDir, submission.fileSha256!))).toEqual(file);
    expect(await state(deadlineId)).toEqual({ status: 'submitted', submissions: 1 });
    const row = await testDb.db.inboundReply.findFirstOrThrow({ where: { deadlineId } });
    expect(row).toMatchObject({ status: 'recorded', reason: null, fromAddress: CLERK, receiptNumber: submission.receiptNumber, organisationId: ORG.id });
    const audit = await testDb.db.auditEvent.findFirstOrThrow({ where: { subjectId: deadlineId, action: 'deadline.submit' } });
    expect(audit).toMatchObject({ actorType: 'link', actorLabel: `Thư trả lời của Trạm Y tế xã (${CLERK})` });
    // The receipt, through the outbox, to the agency.
    const receipt = await waitFor('the receipt email', () => catcher.messages().find((m) => m.to.includes(CLERK) && m.text.includes(submission.receiptNumber!)));
    expect(receipt.subject).toBeTruthy();

    // The forwarding server delivers the same mail again: one report, one row.
    await reply(inbound.port).sendMail(message);
    expect(outcomes.at(-1)).toMatchObject({ outcome: 'duplicate', replyId: row.id });
    expect(await state(deadlineId)).toEqual({ status: 'submitted', submissions: 1 });
    expect(await testDb.db.inboundReply.count({ where: { messageId: '<tra-loi-1@tyt.tra-loi.example>' } })).toBe(1);
  }, 120_000);

  it('a reply from an address that is not the agency\'s lands in the review queue (through the development catcher) and records nothing, until the coordinator assigns it', async () => {
    const { deadlineId, mail } = await requested('Báo cáo đột xuất phòng chống dịch');
    await reply(catcher.port).sendMail({
      from: 'nguoi-la@example.com',
      to: mail.replyTo![0]!,
      subject: `Re: ${mail.subject}`,
      text: 'Gửi báo cáo thay Trạm.',
      attachments: [{ filename: 'bao-cao.docx', content: await docx() }],
    });
    expect(outcomes.at(-1)).toMatchObject({ outcome: 'review', reason: 'unknown-sender', organisationId: ORG.id });
    expect(await state(deadlineId)).toEqual({ status: 'open', submissions: 0 });

    const listed = await app.inject({ method: 'GET', url: '/api/replies', headers: bearer(coordinatorToken) });
    expect(listed.statusCode).toBe(200);
    const pending = (listed.json() as { replies: { id: string; deadlineId: string | null; reason: string; fromAddress: string }[] }).replies.find((r) => r.fromAddress === 'nguoi-la@example.com')!;
    expect(pending).toMatchObject({ deadlineId, reason: 'unknown-sender' });

    const assigned = await app.inject({ method: 'POST', url: `/api/replies/${pending.id}/assignment`, headers: bearer(coordinatorToken), payload: { deadlineId } });
    expect(assigned.statusCode, assigned.body).toBe(200);
    expect(assigned.json()).toMatchObject({ status: 'assigned', deadlineId });
    expect(await state(deadlineId)).toEqual({ status: 'submitted', submissions: 1 });
    expect(await testDb.db.submission.findFirstOrThrow({ where: { deadlineId } })).toMatchObject({ channel: 'email', fileName: 'bao-cao.docx', note: 'Gửi báo cáo thay Trạm.' });
    expect(await testDb.db.auditEvent.count({ where: { action: 'reply.decide', subjectId: pending.id } })).toBe(1);
    // Decided once: a second decision is refused.
    const again = await app.inject({ method: 'POST', url: `/api/replies/${pending.id}/rejection`, headers: bearer(coordinatorToken), payload: { reason: 'trùng' } });
    expect(again.statusCode).toBe(409);
  }, 120_000);

  it('a forged token is refused: nothing recorded, the reply waits in the queue of the sender\'s organisation, or nobody\'s with an operator log line; the coordinator rejects it', async () => {
    const { deadlineId, mail } = await requested('Báo cáo giả mạo thử');
    const genuine = mail.replyTo![0]!;
    const token = genuine.slice('baocao+'.length, genuine.indexOf('@'));
    const forged = `baocao+${token.slice(0, 10)}${token[10] === 'a' ? 'b' : 'a'}${token.slice(11)}@reply.localhost`;
    const attachments = [{ filename: 'bao-cao.docx', content: await docx() }];
    await reply(inbound.port).sendMail({ from: CLERK, to: forged, subject: 'Re: <b>báo cáo</b>', text: 'Gửi báo cáo <script>x()</script>.', attachments });
    expect(outcomes.at(-1)).toMatchObject({ outcome: 'review', reason: 'forged-token', organisationId: ORG.id });
    await reply(inbound.port).sendMail({ from: 'ke-gia-mao@example.com', to: forged, subject: 'Re: báo cáo', text: 'Gửi báo cáo.', attachments });
    expect(outcomes.at(-1)).toMatchObject({ outcome: 'review', reason: 'forged-token', organisationId: null });
    expect(operatorLog.some((l) => l.includes('ke-gia-mao@example.com') && l.includes('forged-token'))).toBe(true);
    expect(await state(deadlineId)).toEqual({ status: 'open', submissions: 0 });
    // A mail for an address that is not a reply address is refused by the listener itself.
    await expect(reply(inbound.port).sendMail({ from: CLERK, to: 'chu-tich@tra-loi.example', subject: 'x', text: 'x' })).rejects.toMatchObject({ responseCode: 550 });

    const row = await testDb.db.inboundReply.findFirstOrThrow({ where: { fromAddress: CLERK, reason: 'forged-token' } });
    // The queue page shows what the sender typed, escaped, with the reason and the forms.
    const page = await app.inject({ method: 'GET', url: '/replies', headers: { ...bearer(coordinatorToken), accept: 'text/html' } });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Re: &lt;b>báo cáo&lt;/b>');
    expect(page.body).not.toContain('<b>báo cáo');
    expect(page.body).not.toContain('<script>x()');
    expect(page.body).toContain(`action="/replies/${row.id}/rejection"`);
    expect(page.body).toContain('Địa chỉ trả lời không do hệ thống cấp');
    expect(row.deadlineId).toBeNull();
    const rejected = await app.inject({ method: 'POST', url: `/api/replies/${row.id}/rejection`, headers: bearer(coordinatorToken), payload: { reason: 'Địa chỉ trả lời bị sửa' } });
    expect(rejected.statusCode, rejected.body).toBe(200);
    expect(rejected.json()).toMatchObject({ status: 'rejected', rejectReason: 'Địa chỉ trả lời bị sửa' });
    // Nobody's reply is nobody's to see: not listed, and 404 to the coordinator.
    const nobodys = await testDb.db.inboundReply.findFirstOrThrow({ where: { fromAddress: 'ke-gia-mao@example.com' } });
    const seen = await app.inject({ method: 'POST', url: `/api/replies/${nobodys.id}/rejection`, headers: bearer(coordinatorToken), payload: { reason: 'x' } });
    expect(seen.statusCode).toBe(404);
    expect(await state(deadlineId)).toEqual({ status: 'open', submissions: 0 });
  }, 120_000);
});
