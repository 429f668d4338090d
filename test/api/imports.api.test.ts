// The coordinator's import flow through the HTTP API, against a real SQLite database and
// the real Temporal dev server: preview a seed plan, confirm the draft, re-import it
// without duplicates, and refuse bad documents and bad drafts without writing anything.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Client, Connection } from '@temporalio/client';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServer } from '../../src/api/server';
import { main as cli } from '../../src/cli/main';
import type { ImportPreview } from '../../src/services/preview-import';
import type { DevServer } from '../../src/temporal/dev-server';
import { seedText } from '../ingest/ingest-helpers';
import { createTestDb } from '../helpers/test-db';
import { startMailCatcher } from '../../src/mail/mail-catcher';
import { testActivities } from '../helpers/fixtures';
import { bearer, grantToken } from '../helpers/principals';
import { startTestDevServer } from '../helpers/temporal';

// 20/12/2026: the 2026 period of "trước ngày 30/11" and the 2027 one (its data window
// opened on 15/12/2026) have both begun.
const NOW = new Date('2026-12-20T03:00:00Z');

describe('plan import API', () => {
  let server: DevServer;
  let testDb: ReturnType<typeof createTestDb>;
  let client: Client;
  let app: FastifyInstance;
  const tokens: Record<string, string> = {};
  let binhLu: Record<string, string>;
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'hbc-imp-'));

  beforeAll(async () => {
    server = await startTestDevServer(path.join(tmp, 'temporal.sqlite'));
    testDb = createTestDb();
    client = new Client({ connection: await Connection.connect({ address: server.address }) });
    // The log is tested in errors.api.test.ts; here it would only bury the test output.
    app = buildServer({ db: testDb.db, temporal: client, taskQueue: 'import-test', clock: () => NOW, searchAttributes: true }, { logger: false });
    // The communes the drafts below import into exist (an administrator created them), and
    // their coordinators import, as integrations do, with API tokens.
    for (const [id, name] of [['uy-ban-nhan-dan-xa-binh-lu', 'UBND xã Bình Lư'], ['uy-ban-nhan-dan-xa-hoa-binh', 'UBND xã Hòa Bình'], ['xa-thu-nghiem', 'UBND xã Thử Nghiệm']]) {
      await testDb.db.organisation.create({ data: { id: id!, name: name!, kind: 'commune' } });
      tokens[id!] = await grantToken(testDb.db, { organisationId: id!, role: 'coordinator' });
    }
    binhLu = bearer(tokens['uy-ban-nhan-dan-xa-binh-lu']!);
  });

  afterAll(async () => {
    await app?.close();
    await client?.connection.close();
    await server?.stop();
    await testDb?.cleanup();
    fs.rmSync(tmp, { recursive: true, force: true });
  });

  const counts = async () => ({
    plans: await testDb.db.plan.count(),
    agencies: await testDb.db.agency.count(),
    obligations: await testDb.db.obligation.count(),
    campaigns: await testDb.db.campaign.count(),
    deadlines: await testDb.db.deadline.count(),
  });

  it('previews seed 001, confirms it, and re-importing creates nothing twice', async () => {
    const previewRes = await app.inject({ method: 'POST', url: '/api/imports/preview', headers: { ...binhLu, 'content-type': 'text/plain; charset=utf-8' }, payload: seedText('001') });
    expect(previewRes.statusCode).toBe(200);
    const preview = previewRes.json<ImportPreview>();
    expect(preview.proposal.plan.number).toBe('645/KH-UBND');
    expect(preview.draft.body.plan.coordinator).toBe('Phòng Văn hóa – Xã hội');
    // Seven agencies' annual reports, then the coordinator's mid-term and final reviews as
    // one-off reports in their years, on the annual report's day (a warning says so).
    expect(preview.draft.body.obligations).toHaveLength(9);
    expect(preview.draft.body.obligations?.slice(7)).toEqual([
      { reporter: 'Phòng Văn hóa – Xã hội', ruleText: 'trước ngày 30/11/2028', title: 'Báo cáo sơ kết năm 2028' },
      { reporter: 'Phòng Văn hóa – Xã hội', ruleText: 'trước ngày 30/11/2030', title: 'Báo cáo tổng kết năm 2030' },
    ]);
    expect(preview.draft.warnings).toContain('Báo cáo sơ kết năm 2028: hạn 30/11/2028 lấy theo hạn báo cáo năm, hãy kiểm tra. / Mid-term review 2028: due 30/11/2028, the annual report\'s day; check it.');
    expect(preview.text.slice(preview.proposal.obligations[0]!.position.start, preview.proposal.obligations[0]!.position.end)).toBe(preview.proposal.obligations[0]!.quote);

    // The coordinator adds a contact before confirming.
    const body = structuredClone(preview.draft.body);
    body.agencies.find((a) => a.name === 'Phòng Kinh tế')!.contacts = [{ name: 'Lò Văn Pản', email: 'kinhte@binhlu.test' }];
    // The plan's upward report has no date: offered as a roll-up to date, never invented.
    expect(body.rollups).toEqual([]);
    expect(preview.draft.warnings).toContain('Báo cáo tổng hợp của Phòng Văn hóa – Xã hội gửi Ủy ban nhân dân xã, Sở Nội vụ: hãy đặt hạn (rollups). / Roll-up from Phòng Văn hóa – Xã hội to Ủy ban nhân dân xã, Sở Nội vụ: set its date (rollups).');
    // The draft tracks from the day of confirming unless told; this coordinator chases 2026 too.
    expect(body.trackFrom).toBeNull();
    body.trackFrom = '2026-01-01';
    const first = await app.inject({ method: 'POST', url: '/api/imports', headers: binhLu, payload: body });
    expect(first.statusCode).toBe(201);
    expect(first.json()).toEqual({
      planId: 'uy-ban-nhan-dan-xa-binh-lu.645-kh-ubnd',
      created: { plan: true, agencies: 8, obligations: 9, campaigns: 4 },
      startedWorkflows: 14,
      obligationWorkflows: 9,
      campaignWorkflows: 4,
      trackFrom: '2026-01-01',
      beforeTracking: 0,
      rollups: [],
    });
    const after = await counts();
    expect(after).toEqual({ plans: 1, agencies: 8, obligations: 9, campaigns: 4, deadlines: 14 });
    // The final review waits for 2030 in its obligation workflow: no deadline row before its window opens.
    const review = await testDb.db.obligation.findFirstOrThrow({ where: { title: 'Báo cáo tổng kết năm 2030' } });
    expect(review).toMatchObject({ kind: 'periodic', ruleText: 'trước ngày 30/11/2030', agencyId: 'uy-ban-nhan-dan-xa-binh-lu.phong-van-hoa-xa-hoi' });
    expect((await client.workflow.getHandle(`obligation/${review.id}`).describe()).status.name).toBe('RUNNING');
    const contact = await testDb.db.contact.findFirstOrThrow({ where: { email: 'kinhte@binhlu.test' } });
    expect(contact.agencyId).toBe('uy-ban-nhan-dan-xa-binh-lu.phong-kinh-te');
    const deadline = await testDb.db.deadline.findFirstOrThrow({ where: { obligation: { agencyId: contact.agencyId }, periodKey: '2026' } });
    expect(deadline.lastDay).toBe('2026-11-29');
    expect((await client.workflow.getHandle(deadline.workflowId).describe()).status.name).toBe('RUNNING');

    const again = await app.inject({ method: 'POST', url: '/api/imports', headers: binhLu, payload: body });
    expect(again.statusCode).toBe(201);
    expect(again.json()).toMatchObject({ created: { plan: false, agencies: 0, obligations: 0, campaigns: 0 }, startedWorkflows: 0, obligationWorkflows: 0, campaignWorkflows: 0 });
    expect(await counts()).toEqual(after);
  });

  it("adds the coordinator's roll-up: its emails and row show how many agencies have reported, and a missing gap is flagged", async () => {
    const planId = 'uy-ban-nhan-dan-xa-binh-lu.645-kh-ubnd';
    const late = await app.inject({ method: 'POST', url: `/api/plans/${planId}/rollup`, headers: binhLu, payload: { ruleText: 'trước ngày 30/11 hằng năm', recipient: 'Sở Nội vụ' } });
    expect(late.statusCode).toBe(201);
    expect(late.json().cascade).toMatchObject({ ok: false, gapWorkingDays: 0 });

    const res = await app.inject({ method: 'POST', url: `/api/plans/${planId}/rollup`, headers: binhLu, payload: { ruleText: 'trước ngày 05/12 hằng năm', recipient: 'Sở Nội vụ, UBND tỉnh' } });
    expect(res.statusCode).toBe(201);
    // Agencies' last day Sun 29/11/2026, roll-up Fri 04/12/2026: 30/11-03/12 leave 4 working days.
    expect(res.json()).toMatchObject({ cascade: { ok: true, gapWorkingDays: 4 }, startedWorkflows: 2 });

    // Two agencies have reported for 2026 (recorded here directly; the workflows are not under test).
    for (const agency of ['phong-kinh-te', 'tram-y-te-xa']) {
      await testDb.db.deadline.updateMany({ where: { periodKey: '2026', obligation: { agencyId: `uy-ban-nhan-dan-xa-binh-lu.${agency}`, kind: 'periodic' } }, data: { status: 'submitted' } });
    }
    const rollupId = `${res.json().obligationId}.2026`;
    const list = (await app.inject({ method: 'GET', url: '/api/deadlines', headers: binhLu })).json().deadlines as { id: string; kind: string; progress: unknown }[];
    expect(list.find((d) => d.id === rollupId)).toMatchObject({ kind: 'rollup', progress: { reported: 2, expected: 7 } });
    expect((await app.inject({ method: 'GET', url: '/', headers: binhLu })).body).toContain('Tổng hợp: 2/7 đơn vị đã gửi');

    // The roll-up's reminder says the same, with who is missing.
    const catcher = await startMailCatcher({ port: 0 });
    try {
      await testDb.db.contact.create({ data: { id: 'vhxh.1', agencyId: 'uy-ban-nhan-dan-xa-binh-lu.phong-van-hoa-xa-hoi', name: 'Chuyên viên', email: 'vhxh@binhlu.test' } });
      // A reminder by hand is composed like every step and sent without a digest window.
      const activities = testActivities(testDb.db, catcher.port, { client, taskQueue: 'import-test', searchAttributes: false });
      const sendAt = new Date().toISOString();
      await activities.queueManualReminder({ deadlineId: rollupId, key: 'manual-1', requestedAt: sendAt, sendAt, requestedBy: 'Phòng VH-XH' });
      await activities.deliverNotices({ deadlineId: rollupId });
      const [mail] = await catcher.waitFor(1);
      expect(mail!.to).toEqual(['vhxh@binhlu.test']);
      expect(mail!.text).toContain(
        'Đã nhận báo cáo của 2/7 đơn vị; còn thiếu: Các trường thuộc UBND xã, Công an xã, Trung tâm Dịch vụ tổng hợp, Ủy ban Mặt trận Tổ quốc Việt Nam xã, các tổ chức chính trị- xã hội, Văn phòng HĐND và UBND xã.',
      );
    } finally {
      await catcher.close();
    }
  });

  it('confirmed mid-plan, tracks from the current or next period: the past ones are "before tracking", never reminded or late', async () => {
    const org = bearer(tokens['xa-thu-nghiem']!);
    const draft = {
      organisation: { id: 'xa-thu-nghiem', name: 'UBND xã Thử Nghiệm', kind: 'commune' },
      plan: { number: '30/KH-UBND', title: 'Kế hoạch nhập giữa kỳ', issuedOn: '2026-01-05', spanFrom: 2026, spanTo: 2027, coordinator: 'Văn phòng UBND xã' },
      agencies: [{ name: 'Văn phòng UBND xã' }, { name: 'Trạm Y tế xã' }],
      obligations: [
        // On 20/12/2026 (NOW): H1 and the 2026 annual report are past; the windows of 2027-H1 and 2027 began on 15/12/2026.
        { reporter: 'Trạm Y tế xã', ruleText: 'báo cáo 6 tháng trước ngày 05/06 và báo cáo năm trước ngày 05/12' },
        // The 2026 quarters are past; 2027-Q1's window (from 15/12/2026) has begun.
        { reporter: 'Văn phòng UBND xã', ruleText: 'hằng quý trước ngày 15 tháng cuối quý' },
      ],
      campaigns: [{ name: 'Tháng hành động vì bình đẳng giới', start: '11-15', end: '12-15', resultsDue: '12-22' }],
      // Due the same day as the agencies' annual report: no working day to compile, flagged.
      rollups: [{ recipient: 'Sở Nội vụ', ruleText: 'trước ngày 05/12 hằng năm' }],
    };
    const res = await app.inject({ method: 'POST', url: '/api/imports', headers: org, payload: draft });
    expect(res.statusCode).toBe(201);
    // 3 agencies' periods and the roll-up's 2027 period; the roll-up's 2026 is before tracking too.
    expect(res.json()).toMatchObject({ trackFrom: '2026-12-20', beforeTracking: 6, startedWorkflows: 4, obligationWorkflows: 2, campaignWorkflows: 1 });
    const [rollup] = res.json().rollups;
    expect(rollup).toMatchObject({ recipient: 'Sở Nội vụ', cascade: { ok: false, gapWorkingDays: 0 } });
    expect(await testDb.db.deadline.findUniqueOrThrow({ where: { id: `${rollup.obligationId}.2026` } })).toMatchObject({ status: 'before-tracking' });
    expect(await testDb.db.obligation.findUniqueOrThrow({ where: { id: rollup.obligationId } })).toMatchObject({ kind: 'rollup', agencyId: 'xa-thu-nghiem.van-phong-ubnd-xa' });
    expect(await testDb.db.campaign.findFirstOrThrow({ where: { planId: res.json().planId } })).toMatchObject({ resultsDue: '12-22' });
    const planId = res.json().planId as string;
    const rows = await testDb.db.deadline.findMany({ where: { obligation: { planId, kind: 'periodic' } }, orderBy: { id: 'asc' }, include: { events: true } });
    const byPeriod = Object.fromEntries(rows.map((d) => [d.periodKey, d.status]));
    expect(byPeriod).toEqual({
      '2026-H1': 'before-tracking', '2026': 'before-tracking', '2027-H1': 'open', '2027': 'open',
      '2026-Q1': 'before-tracking', '2026-Q2': 'before-tracking', '2026-Q3': 'before-tracking', '2026-Q4': 'before-tracking', '2027-Q1': 'open',
    });
    // No workflow for a period before tracking: nothing can remind or escalate it.
    const past = rows.find((d) => d.periodKey === '2026')!;
    await expect(client.workflow.getHandle(past.workflowId).describe()).rejects.toThrow();
    expect(past.events.map((e) => e.type)).toEqual(['period-before-tracking']);
    const current = rows.find((d) => d.periodKey === '2027-H1')!;
    expect((await client.workflow.getHandle(current.workflowId).describe()).status.name).toBe('RUNNING');

    // The board: the past periods (the roll-up's 2026 too) are counted apart, not as overdue.
    const board = (await app.inject({ method: 'GET', url: `/api/board?period=2026&plan=${planId}`, headers: org })).json();
    expect(board.counts).toMatchObject({ total: 7, untracked: 7, overdue: 0, 'not-due': 0 });
    const list = (await app.inject({ method: 'GET', url: '/api/deadlines', headers: org })).json().deadlines as { id: string; state: string }[];
    expect(list.find((d) => d.id === past.id)).toMatchObject({ state: 'before-tracking' });

    // Confirming again later records nothing twice and starts nothing new.
    const again = await app.inject({ method: 'POST', url: '/api/imports', headers: org, payload: draft });
    expect(again.json()).toMatchObject({ beforeTracking: 0, startedWorkflows: 0, obligationWorkflows: 0, campaignWorkflows: 0 });
    expect(await testDb.db.obligation.count({ where: { planId, kind: 'rollup' } })).toBe(1);
  });

  it('tracks nothing and starts no obligation workflow when the chosen day is after the span', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/imports',
      headers: bearer(tokens['xa-thu-nghiem']!),
      payload: {
        organisation: { id: 'xa-thu-nghiem', name: 'UBND xã Thử Nghiệm', kind: 'commune' },
        plan: { number: '31/KH-UBND', title: 'Kế hoạch đã hết giai đoạn', issuedOn: '2026-01-05', spanFrom: 2026, spanTo: 2026 },
        agencies: [{ name: 'Trạm Y tế xã' }],
        obligations: [{ reporter: 'Trạm Y tế xã', ruleText: 'trước ngày 30/11 hằng năm' }],
        trackFrom: '2027-01-01',
      },
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ trackFrom: '2027-01-01', beforeTracking: 1, startedWorkflows: 0, obligationWorkflows: 0 });
  });

  it("proposes the caller's own organisation when the document names another issuer", async () => {
    const res = await app.inject({ method: 'POST', url: '/api/imports/preview', headers: { ...bearer(tokens['xa-thu-nghiem']!), 'content-type': 'text/plain; charset=utf-8' }, payload: seedText('001') });
    expect(res.statusCode).toBe(200);
    const { draft } = res.json<ImportPreview>();
    expect(draft.body.organisation).toEqual({ id: 'xa-thu-nghiem', name: 'UBND xã Thử Nghiệm', kind: 'commune' });
    expect(draft.warnings).toContain('Văn bản ghi cơ quan ban hành "Ủy ban nhân dân xã Bình Lư"; kế hoạch sẽ được nhập vào UBND xã Thử Nghiệm, tổ chức của tài khoản này.');
  });

  it('reads a .pdf upload', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/imports/preview',
      headers: { ...binhLu, 'content-type': 'application/pdf' },
      payload: fs.readFileSync('test/fixtures/plans/27-KH-UBND.pdf'),
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ format: 'pdf', proposal: { plan: { number: '27/KH-UBND' } } });
  });

  it.each([
    ['a scanned PDF', 'application/pdf', fs.readFileSync('test/fixtures/plans/scanned.pdf'), 'no-text-layer'],
    ['a 20 MB upload', 'application/octet-stream', Buffer.alloc(20 * 1024 * 1024, 0x61), 'too-large'],
    ['an English text', 'text/plain', 'All agencies shall report to the People’s Committee before 5 November every year.', 'not-vietnamese'],
  ])('answers 400 with a clear message for %s', async (_what, type, payload, code) => {
    const res = await app.inject({ method: 'POST', url: '/api/imports/preview', headers: { ...binhLu, 'content-type': type }, payload });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ error: 'invalid-input', details: [code] });
    expect(res.json().message.length).toBeGreaterThan(10);
  });

  it('refuses a draft with an unreadable rule or an unknown reporter, and writes nothing', async () => {
    const before = await counts();
    const res = await app.inject({
      method: 'POST',
      url: '/api/imports',
      headers: bearer(tokens['xa-thu-nghiem']!),
      payload: {
        organisation: { id: 'xa-thu-nghiem', name: 'UBND xã Thử Nghiệm', kind: 'commune' },
        plan: { number: '9/KH-UBND', title: 'Kế hoạch thử', issuedOn: '2026-01-05', spanFrom: 2026, spanTo: 2027 },
        agencies: [{ name: 'Phòng Kinh tế' }],
        obligations: [
          { reporter: 'Phòng Kinh tế', ruleText: 'khi nào xong thì gửi' },
          { reporter: 'Trạm Y tế xã', ruleText: 'trước ngày 05/11 hằng năm' },
        ],
      },
    });
    expect(res.statusCode).toBe(400);
    const details: string[] = res.json().details;
    expect(details.some((d) => d.startsWith('obligations.0.ruleText') && d.includes('Không đọc được hạn'))).toBe(true);
    expect(details.some((d) => d.startsWith('obligations.1.reporter'))).toBe(true);
    expect(await counts()).toEqual(before);
  });

  it('takes the same draft confirmed twice at once (a double click, two tabs) as one plan: both answered, nothing twice', async () => {
    const draft = {
      organisation: { id: 'xa-thu-nghiem', name: 'UBND xã Thử Nghiệm', kind: 'commune' },
      plan: { number: '12/KH-UBND', title: 'Kế hoạch xác nhận hai lần', issuedOn: '2026-01-05', spanFrom: 2026, spanTo: 2027 },
      agencies: [{ name: 'Phòng Văn hóa – Xã hội', contacts: [{ name: 'Chuyên viên', email: 'vhxh@thu-nghiem.example' }] }, { name: 'Trường Mầm non' }],
      obligations: [{ reporter: 'Trường Mầm non', ruleText: 'trước ngày 10/12 hằng năm' }],
      campaigns: [],
    };
    const confirm = () => app.inject({ method: 'POST', url: '/api/imports', headers: bearer(tokens['xa-thu-nghiem']!), payload: draft });
    const answers = await Promise.all([confirm(), confirm(), confirm()]);
    expect(answers.map((a) => a.statusCode)).toEqual([201, 201, 201]);
    expect(new Set(answers.map((a) => a.json().planId)).size).toBe(1);
    // Exactly one of them created the plan and its rows; the others found them.
    expect(answers.filter((a) => a.json().created.plan)).toHaveLength(1);
    const planId = answers[0]!.json().planId as string;
    expect(await testDb.db.obligation.count({ where: { planId } })).toBe(1);
    expect(await testDb.db.agency.count({ where: { organisationId: 'xa-thu-nghiem', name: { in: ['Phòng Văn hóa – Xã hội', 'Trường Mầm non'] } } })).toBe(2);
    expect(await testDb.db.contact.count({ where: { email: 'vhxh@thu-nghiem.example' } })).toBe(1);
  });

  it('works from the command line: --dry-run --draft, edit, then --confirm against the running server', async () => {
    const url = await app.listen({ host: '127.0.0.1', port: 0 });
    const draftFile = path.join(tmp, 'draft.json');
    const err: string[] = [];
    const io = { stdout: () => undefined, stderr: (t: string) => err.push(t) };
    expect(await cli(['import', '--dry-run', 'samples/plans/27-KH-UBND-chuyen-doi-so.txt', '--draft', draftFile], io)).toBe(0);
    expect(err.join('\n')).toContain('Chưa có địa chỉ email của Công an xã');
    const draft = JSON.parse(fs.readFileSync(draftFile, 'utf8'));
    expect(draft.obligations.map((o: { reporter: string }) => o.reporter)).toEqual([
      'Công an xã',
      'Phòng Kinh tế',
      'Trung tâm Phục vụ hành chính công xã',
      'Công an xã',
      'Trường Tiểu học Hòa Bình',
    ]);
    draft.agencies.find((a: { name: string }) => a.name === 'Công an xã').contacts = [{ name: 'Đội trưởng', email: 'conganxa@hoabinh.test' }];
    fs.writeFileSync(draftFile, JSON.stringify(draft));

    const out: string[] = [];
    const tokenFile = path.join(tmp, 'token.txt');
    fs.writeFileSync(tokenFile, `${tokens['uy-ban-nhan-dan-xa-hoa-binh']}\n`);
    const code = await cli(['import', '--confirm', draftFile, '--server', url, '--token-file', tokenFile], { stdout: (t) => out.push(t), stderr: (t) => err.push(t) });
    expect(code).toBe(0);
    expect(JSON.parse(out.join(''))).toMatchObject({ planId: 'uy-ban-nhan-dan-xa-hoa-binh.27-kh-ubnd', created: { plan: true, agencies: 5, obligations: 5, campaigns: 2 } });
    expect(await testDb.db.contact.count({ where: { email: 'conganxa@hoabinh.test' } })).toBe(1);
  });

  it('answers 400 and 404 on a campaign results report it cannot take', async () => {
    const campaign = await testDb.db.campaign.findFirstOrThrow();
    const bad = await app.inject({ method: 'POST', url: `/api/campaigns/${campaign.id}/results`, headers: binhLu, payload: { submittedBy: '' } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().details).toEqual(expect.arrayContaining([expect.stringMatching(/^year: /), expect.stringMatching(/^submittedBy: /)]));
    const missing = await app.inject({ method: 'POST', url: '/api/campaigns/no-such/results', headers: binhLu, payload: { year: 2026, submittedBy: 'x' } });
    expect(missing.statusCode).toBe(404);
  });

  it('serves the import page', async () => {
    const res = await app.inject({ method: 'GET', url: '/imports/new', headers: binhLu });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('Nhập kế hoạch');
    expect(res.body).toContain('/api/imports/preview');
  });
});
