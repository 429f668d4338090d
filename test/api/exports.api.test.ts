// The exports (issue 12 item 5) through HTTP, on the board's seeded world at a fixed clock,
// each file read back by an independent reader: the .xlsx by exceljs (and its XML by jszip),
// the .ics by node-ical, the .docx by mammoth (and its XML). Hostile names stay text: a
// formula in a cell, markup in a letter, commas, semicolons and newlines in a feed.
import { Client, Connection } from '@temporalio/client';
import ExcelJS from 'exceljs';
import type { FastifyInstance } from 'fastify';
import JSZip from 'jszip';
import mammoth from 'mammoth';
import ical from 'node-ical';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServer } from '../../src/api/server';
import { exportBoard } from '../../src/services/board-export';
import { BOARD_XLSX_HEADERS, boardXlsx } from '../../src/web/exports/board-xlsx';
import { deadlineId, HOSTILE_AGENCY, NOW, PROVINCE, seedBoardWorld } from '../helpers/board-world';
import { bearer, grantToken } from '../helpers/principals';
import { createTestDbOn, TEST_DATABASES, type TestDb } from '../helpers/test-db';

/** Typed into the import by someone hostile: a formula, and text that breaks iCalendar lines. */
const FORMULA_AGENCY = '=HYPERLINK("http://x")<script>';
const ICS_HOSTILE_AGENCY = 'Tổ 1, tổ 2; "xóm"\nDòng hai\\';

async function addOverdueAgency(db: TestDb['db'], n: number, name: string): Promise<string> {
  const agencyId = `xa-dong.hostile${n}`;
  await db.agency.create({ data: { id: agencyId, organisationId: 'xa-dong', name } });
  await db.obligation.create({ data: { id: `xa-dong.oh${n}`, planId: 'xa-dong.plan', agencyId, ruleText: 'trước ngày 05/11 hằng năm' } });
  const id = `xa-dong.hostile${n}.2026`;
  await db.deadline.create({
    data: { id, obligationId: `xa-dong.oh${n}`, periodKey: '2026', periodLabel: 'Năm 2026', lastDay: '2026-11-04', dueAt: new Date('2026-11-04T17:00:00Z'), dataFrom: '2025-12-15', dataTo: '2026-12-14', workflowId: `deadline/${id}`, status: 'open' },
  });
  return id;
}

describe.each(TEST_DATABASES)('exports on %s', (kind) => {
  let testDb: TestDb;
  let connection: Connection;
  let app: FastifyInstance;
  const tokens: Record<string, string> = {};
  const deps = () => ({ db: testDb.db, clock: () => NOW });

  beforeAll(async () => {
    testDb = await createTestDbOn(kind);
    await seedBoardWorld(testDb.db);
    await addOverdueAgency(testDb.db, 1, FORMULA_AGENCY);
    await addOverdueAgency(testDb.db, 2, ICS_HOSTILE_AGENCY);
    await testDb.db.campaign.create({ data: { id: 'xa-dong.camp', planId: 'xa-dong.plan', name: 'Tháng hành động vì bình đẳng giới', start: '11-15', end: '12-15' } });
    await testDb.db.campaignRun.create({ data: { id: 'xa-dong.camp.2026', campaignId: 'xa-dong.camp', year: 2026, start: '2026-11-15', end: '2026-12-15', resultsDue: '2026-12-22' } });
    connection = Connection.lazy({ address: '127.0.0.1:1', interceptors: [] });
    app = buildServer({ db: testDb.db, temporal: new Client({ connection }), taskQueue: 'exports', clock: () => NOW, searchAttributes: false }, { logger: false });
    tokens.coordinator = await grantToken(testDb.db, { organisationId: 'xa-dong', role: 'coordinator' });
    tokens.leader = await grantToken(testDb.db, { organisationId: 'xa-dong', role: 'leader' });
    tokens.provinceLeader = await grantToken(testDb.db, { organisationId: PROVINCE, role: 'leader' });
    tokens.agency = await grantToken(testDb.db, { organisationId: 'xa-dong', role: 'agency', agencyId: 'xa-dong.a0' });
  });

  afterAll(async () => {
    await app?.close();
    await connection?.close();
    await testDb?.cleanup();
  });

  const ymd = (d: Date) => [d.getFullYear(), d.getMonth() + 1, d.getDate()];
  const get = (url: string, who?: string) => app.inject({ method: 'GET', url, headers: who ? bearer(tokens[who]!) : {} });

  describe('the board as .xlsx', () => {
    const workbook = async (bytes: Buffer) => {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(bytes as unknown as ArrayBuffer);
      return wb;
    };

    it('has every row of the query (not one page), Vietnamese headers, real dates shown dd/mm/yyyy, the header row frozen and filtered', async () => {
      const res = await get('/api/board/export.xlsx?status=overdue&pageSize=1&page=2', 'coordinator');
      expect(res.statusCode, res.body).toBe(200);
      expect(res.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
      expect(res.headers['content-disposition']).toMatch(/^attachment; filename="bang-theo-doi-2026-11-16\.xlsx"$/);
      const sheet = (await workbook(res.rawPayload)).getWorksheet('Bảng theo dõi')!;
      expect(sheet.getRow(1).values).toEqual([undefined, ...BOARD_XLSX_HEADERS]);
      expect(BOARD_XLSX_HEADERS).toEqual(expect.arrayContaining(['Đơn vị báo cáo', 'Hạn cuối', 'Tình trạng', 'Số ngày làm việc quá hạn', 'Số kế hoạch', 'Cơ quan ban hành']));
      // Overdue in xa-dong: the escalated hostile agency, the extended one, and the two added here.
      expect(sheet.rowCount).toBe(1 + 4);
      expect(res.headers['x-hbc-rows-total']).toBe('4');
      expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
      expect(sheet.autoFilter).toBe('A1:M5');
      expect(BOARD_XLSX_HEADERS).toHaveLength(13);
      const col = (h: string) => (BOARD_XLSX_HEADERS as readonly string[]).indexOf(h) + 1;
      // Sorted like the board: most working days late first (the three of 04/11 tie at 8, by name).
      expect(sheet.getColumn(col('Số ngày làm việc quá hạn')).values.slice(2)).toEqual([8, 8, 8, 2]);
      const first = sheet.getRows(2, 4)!.find((r) => r.getCell(col('Đơn vị báo cáo')).value === HOSTILE_AGENCY)!;
      expect(first.getCell(col('Tình trạng')).value).toBe('Quá hạn');
      expect(first.getCell(col('Số ngày làm việc quá hạn')).value).toBe(8);
      expect(first.getCell(col('Cấp cảnh báo')).value).toBe(2);
      expect(first.getCell(col('Số kế hoạch')).value).toBe('12/KH-UBND');
      expect(first.getCell(col('Cơ quan ban hành')).value).toBe('UBND xã Đông');
      const lastDay = first.getCell(col('Hạn cuối'));
      expect(lastDay.type).toBe(ExcelJS.ValueType.Date);
      expect((lastDay.value as Date).toISOString()).toBe('2026-11-04T00:00:00.000Z');
      expect(lastDay.numFmt).toBe('dd/mm/yyyy');
      const about = (await workbook(res.rawPayload)).getWorksheet('Thông tin')!;
      expect(about.getColumn(2).values).toEqual(expect.arrayContaining(['Tình trạng: Quá hạn', '4']));
    });

    it('keeps a name that starts with = a plain string, verbatim: no formula in the cell or in the XML', async () => {
      const res = await get('/api/board/export.xlsx', 'coordinator');
      const sheet = (await workbook(res.rawPayload)).getWorksheet('Bảng theo dõi')!;
      const cells: ExcelJS.Cell[] = [];
      sheet.eachRow((row) => row.eachCell((c) => void (c.value === FORMULA_AGENCY && cells.push(c))));
      expect(cells).toHaveLength(1);
      expect(cells[0]!.type).toBe(ExcelJS.ValueType.String);
      expect(cells[0]!.formula).toBeUndefined();
      const zip = await JSZip.loadAsync(res.rawPayload);
      const sheetXml = await zip.file('xl/worksheets/sheet1.xml')!.async('string');
      expect(sheetXml).not.toMatch(/<f[ >]/);
      expect(sheetXml).toContain('<pane ');
      expect(sheetXml).toContain('<autoFilter ');
      expect(sheetXml).not.toContain('t="str"');
      const strings = await zip.file('xl/sharedStrings.xml')!.async('string');
      expect(strings).toContain('<t>=HYPERLINK(&quot;http://x&quot;)&lt;script&gt;</t>');
    });

    it('says in the file when rows were left out by the cap', async () => {
      const data = await exportBoard(deps(), { kind: 'user', id: 'u', label: 'u', grants: [{ organisationId: 'xa-dong', role: 'coordinator' }] }, {}, 2);
      expect([data.total, data.rows.length]).toEqual([8, 2]);
      const about = (await workbook(await boardXlsx(data))).getWorksheet('Thông tin')!;
      expect(String(about.getColumn(2).values.at(-1))).toMatch(/^Tệp chỉ chứa 2 dòng đầu tiên/);
    });

    it('holds only what the reader may see: an agency user gets its own agency, anonymous nothing', async () => {
      const res = await get('/api/board/export.xlsx', 'agency');
      const sheet = (await workbook(res.rawPayload)).getWorksheet('Bảng theo dõi')!;
      expect(sheet.getColumn((BOARD_XLSX_HEADERS as readonly string[]).indexOf('Đơn vị báo cáo') + 1).values.slice(2)).toEqual(['Trạm Y tế xã']);
      expect((await get('/api/board/export.xlsx')).statusCode).toBe(401);
    });
  });

  describe('the urging letter as .docx', () => {
    const overdue = deadlineId('xa-dong', HOSTILE_AGENCY, 2026);

    it('is laid out as Decree 30/2020 asks, names the plan, the period, the last day and the working days late, and keeps a hostile name as text', async () => {
      const res = await get(`/api/deadlines/${overdue}/urging-letter.docx`, 'coordinator');
      expect(res.statusCode, res.body).toBe(200);
      expect(res.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
      const { value: text } = await mammoth.extractRawText({ buffer: res.rawPayload });
      for (const expected of [
        'ỦY BAN NHÂN DÂN',
        'XÃ ĐÔNG',
        'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
        'Độc lập - Tự do - Hạnh phúc',
        'Số:        /UBND-VHXH',
        'V/v đôn đốc báo cáo Năm 2026 theo Kế hoạch số 12/KH-UBND',
        'Đông, ngày 16 tháng 11 năm 2026',
        `Kính gửi: ${HOSTILE_AGENCY}.`,
        'Kế hoạch số 12/KH-UBND ngày 01/03/2024 của UBND xã Đông về Kế hoạch bình đẳng giới của UBND xã Đông',
        '“trước ngày 05/11 hằng năm”, kỳ Năm 2026 (số liệu từ ngày 15/12/2025 đến ngày 14/12/2026), hạn cuối ngày 04/11/2026.',
        'Đến nay đã quá hạn 8 ngày làm việc',
        // Three working days from Monday 16/11/2026.
        'trước ngày 19/11/2026.',
        'Nơi nhận:',
        'TM. ỦY BAN NHÂN DÂN',
        'KT. CHỦ TỊCH',
        'PHÓ CHỦ TỊCH',
      ]) {
        expect(text).toContain(expected);
      }
      const xml = await (await JSZip.loadAsync(res.rawPayload)).file('word/document.xml')!.async('string');
      expect(xml).toContain('Trường &lt;b&gt;Tiểu học&lt;/b&gt;');
      expect(xml).not.toContain('<b>Tiểu học');
      expect(xml).toContain('w:ascii="Times New Roman"');
      // 13 and 14 pt (half-points) in the header and the body.
      expect(xml).toContain('<w:sz w:val="26"/>');
      expect(xml).toContain('<w:sz w:val="28"/>');
    });

    it('is refused for a deadline that is not overdue (409), to the user of another agency (404: not theirs to see) and to a province leader (403: sees, does not issue)', async () => {
      const onTime = await get(`/api/deadlines/${deadlineId('xa-dong', 'Trạm Y tế xã', 2026)}/urging-letter.docx`, 'coordinator');
      expect([onTime.statusCode, onTime.json().error]).toEqual([409, 'conflict']);
      expect((await get(`/api/deadlines/${overdue}/urging-letter.docx`, 'agency')).statusCode).toBe(404);
      expect((await get(`/api/deadlines/${overdue}/urging-letter.docx`, 'provinceLeader')).statusCode).toBe(403);
      expect((await get(`/api/deadlines/${overdue}/urging-letter.docx`, 'leader')).statusCode).toBe(200);
    });
  });

  describe('calendar feeds', () => {
    const create = async (kind: 'plans' | 'agencies', id: string, who = 'coordinator') =>
      app.inject({ method: 'POST', url: `/api/${kind}/${id}/calendar-feeds`, headers: bearer(tokens[who]!) });

    it("a plan's feed: every deadline's last day as an all-day event with the rule's words, the period and the data window; hostile text escaped; no session needed", async () => {
      const made = await create('plans', 'xa-dong.plan');
      expect(made.statusCode, made.body).toBe(201);
      const { path, url, token, summaryVi } = made.json();
      expect(path).toBe(`/lich/${token}.ics`);
      expect(token).toMatch(/^cal_[A-Za-z0-9_-]{43}$/);
      expect(url).toMatch(new RegExp(`^http://[^/]+${path}$`));
      expect(summaryVi).toContain(url);
      // Stored hashed: the token itself is nowhere in the database.
      const row = await testDb.db.calendarFeed.findFirstOrThrow({ where: { targetId: 'xa-dong.plan' } });
      expect(row.tokenHash).not.toContain(token);

      const res = await get(path);
      expect(res.statusCode, res.body).toBe(200);
      expect(res.headers['content-type']).toBe('text/calendar; charset=utf-8');
      const raw = res.body;
      // ical-generator's escaping of TEXT (RFC 5545 3.3.11), checked in the raw file.
      expect(raw.replace(/\r\n /g, '')).toContain('Tổ 1\\, tổ 2\\; "xóm"\\nDòng hai\\\\');
      const events = Object.values(ical.sync.parseICS(raw)).filter((c): c is ical.VEvent => c?.type === 'VEVENT');
      // xa-dong: 8 seeded deadlines, one waived (not shown), the two added here, and the campaign's run.
      expect(events).toHaveLength(10);
      const campaign = events.find((e) => e.uid === 'campaign-run-xa-dong.camp.2026@hanbaocao')!;
      expect(campaign.summary).toBe('Tháng hành động vì bình đẳng giới 2026 (Kế hoạch số 12/KH-UBND)');
      expect([campaign.datetype, ymd(campaign.start), ymd(campaign.end!)]).toEqual(['date', [2026, 11, 15], [2026, 12, 16]]);
      const hostile = events.find((e) => e.uid === `deadline-${deadlineId('xa-dong', HOSTILE_AGENCY, 2026)}@hanbaocao`)!;
      expect(hostile.summary).toBe(`Hạn cuối: Báo cáo Năm 2026 – ${HOSTILE_AGENCY} (Kế hoạch số 12/KH-UBND)`);
      expect(hostile.datetype).toBe('date');
      expect(ymd(hostile.start)).toEqual([2026, 11, 4]);
      expect(ymd(hostile.end!)).toEqual([2026, 11, 5]);
      expect(hostile.description).toContain('Quy định: trước ngày 05/11 hằng năm');
      expect(hostile.description).toContain('Kỳ báo cáo: Năm 2026; số liệu từ 15/12/2025 đến 14/12/2026');
      expect(hostile.description).toContain('Hạn cuối: Thứ Tư, 04/11/2026');
      const commaName = events.find((e) => e.uid === 'deadline-xa-dong.hostile2.2026@hanbaocao')!;
      expect(commaName.summary).toBe(`Hạn cuối: Báo cáo Năm 2026 – ${ICS_HOSTILE_AGENCY} (Kế hoạch số 12/KH-UBND)`);
      expect(commaName.description).toContain(`Đơn vị báo cáo: ${ICS_HOSTILE_AGENCY}\n`);
      expect((await testDb.db.calendarFeed.findUniqueOrThrow({ where: { id: row.id } })).lastUsedAt).toEqual(NOW);
    });

    it("an agency's feed holds that agency's deadlines only", async () => {
      const made = await create('agencies', 'xa-dong.a0');
      expect(made.statusCode, made.body).toBe(201);
      const events = Object.values(ical.sync.parseICS((await get(made.json().path)).body)).filter((c): c is ical.VEvent => c?.type === 'VEVENT');
      expect(events.map((e) => e.uid).sort()).toEqual([2024, 2025, 2026].map((y) => `deadline-${deadlineId('xa-dong', 'Trạm Y tế xã', y)}@hanbaocao`));
      expect(events.every((e) => String(e.summary).includes('Trạm Y tế xã'))).toBe(true);
    });

    it('a revoked feed and an unknown token answer 404 with no detail; revoking is audited and changes nothing the second time', async () => {
      const made = (await create('plans', 'xa-dong.plan')).json();
      const revoke = () => app.inject({ method: 'POST', url: `/api/calendar-feeds/${made.id}/revocation`, headers: bearer(tokens.coordinator!) });
      expect((await revoke()).statusCode).toBe(200);
      expect((await revoke()).json().revokedAt).toBe(NOW.toISOString());
      const gone = await get(made.path);
      const unknown = await get(`/lich/cal_${'A'.repeat(43)}.ics`);
      const malformed = await get('/lich/khong-phai-ma.ics');
      for (const res of [gone, unknown, malformed]) {
        expect(res.statusCode).toBe(404);
        expect(res.json()).toMatchObject({ error: 'not-found', details: [] });
      }
      expect(gone.body.replace(/"requestId":"[^"]*"/, '')).toBe(unknown.body.replace(/"requestId":"[^"]*"/, ''));
      const audit = await testDb.db.auditEvent.findMany({ where: { subjectId: made.id }, orderBy: { at: 'asc' } });
      expect(audit.map((a) => a.action)).toEqual(['calendar.feed.create', 'calendar.feed.revoke']);
    });

    it('only a coordinator of the organisation makes or revokes feeds', async () => {
      expect((await create('plans', 'xa-dong.plan', 'leader')).statusCode).toBe(403);
      expect((await create('plans', 'xa-dong.plan', 'agency')).statusCode).toBe(403);
      expect((await create('plans', 'xa-tay.plan', 'coordinator')).statusCode).toBe(404);
      const made = (await create('plans', 'xa-dong.plan')).json();
      const asLeader = await app.inject({ method: 'POST', url: `/api/calendar-feeds/${made.id}/revocation`, headers: bearer(tokens.leader!) });
      expect(asLeader.statusCode).toBe(404);
      expect((await get(made.path)).statusCode).toBe(200);
    });
  });

  describe('on the pages', () => {
    const overdue = deadlineId('xa-dong', HOSTILE_AGENCY, 2026);
    const letterHref = (id: string) => `href="/api/deadlines/${id}/urging-letter.docx"`;

    it('the board offers its rows as .xlsx with the filters shown, and the letter on overdue rows', async () => {
      const page = (await get('/board?status=overdue&q=tr%C6%B0%E1%BB%9Dng', 'coordinator')).body;
      expect(page).toMatch(/id="board-export" href="\/api\/board\/export\.xlsx\?[^"]*status=overdue[^"]*"/);
      expect(page).toContain('q=tr%C6%B0%E1%BB%9Dng');
      expect(page).toContain(letterHref(overdue));
      const onTime = (await get('/board?status=on-time', 'coordinator')).body;
      expect(onTime).not.toContain('urging-letter.docx');
      // The province leader sees the commune's overdue rows but issues no letter for them.
      expect((await get('/board?status=overdue', 'provinceLeader')).body).not.toContain('urging-letter.docx');
    });

    it('the late page and the deadline page link the letter for those who may issue it', async () => {
      expect((await get('/late', 'coordinator')).body).toContain(letterHref(overdue));
      expect((await get(`/deadlines/${overdue}`, 'leader')).body).toContain(letterHref(overdue));
      expect((await get(`/deadlines/${overdue}`, 'provinceLeader')).body).not.toContain('urging-letter.docx');
      expect((await get(`/deadlines/${deadlineId('xa-dong', 'Trạm Y tế xã', 2026)}`, 'coordinator')).body).not.toContain('urging-letter.docx');
    });

    it("the plan and agency pages give their coordinator the feeds' form and list, never a URL", async () => {
      const made = (await app.inject({ method: 'POST', url: '/api/agencies/xa-dong.a1/calendar-feeds', headers: bearer(tokens.coordinator!) })).json();
      const agencyPage = (await get('/agencies/xa-dong.a1', 'coordinator')).body;
      expect(agencyPage).toContain('data-api="/api/agencies/xa-dong.a1/calendar-feeds"');
      expect(agencyPage).toContain(`data-feed="${made.id}"`);
      expect(agencyPage).not.toContain(made.token);
      expect((await get('/plans/xa-dong.plan', 'coordinator')).body).toContain('data-api="/api/plans/xa-dong.plan/calendar-feeds"');
      expect((await get('/plans/xa-dong.plan', 'leader')).body).not.toContain('calendar-feeds');
    });
  });

  it('documents the files in OpenAPI as binary answers', async () => {
    const doc = (await get('/openapi.json')).json();
    expect(doc.paths['/api/board/export.xlsx'].get.responses['200'].content).toHaveProperty(['application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'schema', 'format'], 'binary');
    expect(doc.paths['/api/deadlines/{id}/urging-letter.docx'].get.responses['200'].content).toHaveProperty(['application/vnd.openxmlformats-officedocument.wordprocessingml.document', 'schema', 'format'], 'binary');
    expect(doc.paths['/lich/{token}.ics'].get['x-hbc-action']).toBe('public');
  });
});
