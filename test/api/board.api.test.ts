// The board through HTTP, on a database seeded with every state (no workflow runs: the board
// reads rows): counts in the official four-way status and working-day ageing at a fixed
// clock, each reader's scope, the filters, search, sort and paging, rates per agency, plan
// and commune, the chart, and a hostile agency name shown as text.
import { Client, Connection } from '@temporalio/client';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServer } from '../../src/api/server';
import { hasBidiControls } from '../../src/domain/text';
import type { Board } from '../../src/services/board';
import { COMMUNES, deadlineId, HOSTILE_AGENCY, NOW, PROVINCE, seedBoardWorld } from '../helpers/board-world';
import { bearer, grantToken } from '../helpers/principals';
import { createTestDb } from '../helpers/test-db';

describe('the board', () => {
  let testDb: ReturnType<typeof createTestDb>;
  let connection: Connection;
  let app: FastifyInstance;
  const tokens: Record<string, string> = {};

  beforeAll(async () => {
    testDb = createTestDb();
    await seedBoardWorld(testDb.db);
    connection = Connection.lazy({ address: '127.0.0.1:1', interceptors: [] });
    app = buildServer({ db: testDb.db, temporal: new Client({ connection }), taskQueue: 'board', clock: () => NOW, searchAttributes: false }, { logger: false });
    tokens.commune = await grantToken(testDb.db, { organisationId: 'xa-dong', role: 'coordinator' });
    tokens.province = await grantToken(testDb.db, { organisationId: PROVINCE, role: 'leader' });
    tokens.agency = await grantToken(testDb.db, { organisationId: 'xa-dong', role: 'agency', agencyId: 'xa-dong.a0' });
  });

  afterAll(async () => {
    await app?.close();
    await connection?.close();
    await testDb?.cleanup();
  });

  const board = async (who: string, query = ''): Promise<Board> => {
    const res = await app.inject({ method: 'GET', url: `/api/board${query}`, headers: bearer(tokens[who]!) });
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as Board;
  };

  it("counts this year's deadlines of the commune in the official four-way status, with extended, waived and overdue ageing in working days", async () => {
    const b = await board('commune');
    expect(b.period).toBe('2026');
    expect(b.counts).toEqual({ total: 6, 'on-time': 1, late: 1, 'not-due': 1, overdue: 2, waived: 1, untracked: 0, extended: 1, ageing: { '1-3': 1, '4-7': 0, '8-30': 1, '30+': 0 } });
    // Sorted by days late: the escalated agency, 8 working days since Wednesday 04/11, first.
    expect(b.rows[0]).toMatchObject({ agency: HOSTILE_AGENCY, official: 'overdue', workingDaysLate: 8, ageing: '8-30', escalationLevel: 2, escalatedTo: 'Chủ tịch UBND xã' });
    expect(b.rows.every((r) => r.organisationId === 'xa-dong')).toBe(true);
    expect(b.byOrganisation).toEqual([]);
    expect(b.byPlan).toEqual([expect.objectContaining({ id: 'xa-dong.plan', expected: 4, received: 2, onTime: 1, reportingRate: 0.5, onTimeRate: 0.25 })]);
  });

  it('a province leader sees both communes with a roll-up per commune', async () => {
    const b = await board('province');
    expect(b.counts.total).toBe(12);
    expect(b.byOrganisation.map((o) => [o.name, o.expected, o.reportingRate, o.onTimeRate])).toEqual(COMMUNES.map((c) => [c.name, 4, 0.5, 0.25]));
  });

  it("an agency user sees its own agency's deadlines only", async () => {
    const b = await board('agency', '?period=2025');
    expect(b.rows.map((r) => r.id)).toEqual([deadlineId('xa-dong', 'Trạm Y tế xã', 2025)]);
    expect(b.options.agencies.map((a) => a.id)).toEqual(['xa-dong.a0']);
  });

  it.each([
    ['status overdue', '?status=overdue', 2],
    ['status completed late', '?status=late', 1],
    ['extended', '?status=extended', 1],
    ['escalation level 2', '?escalation=2', 1],
    ['not escalated', '?escalation=0', 5],
    ['one agency', '?agency=xa-dong.a1', 1],
    ['one plan, every year', '?plan=xa-dong.plan&period=', 6],
    ['the year 2025', '?period=2025', 1],
    ['search without diacritics', '?q=tram%20y%20te', 1],
    ['search in upper case with diacritics', '?q=C%C3%94NG%20AN', 1],
    ['a plan outside the scope matches nothing', '?plan=xa-tay.plan', 0],
  ])('filters: %s', async (_what, query, n) => {
    expect((await board('commune', query)).total).toBe(n);
  });

  it('pages through the rows and sorts them by last day on request', async () => {
    const first = await board('province', '?pageSize=5&sort=last-day');
    const second = await board('province', '?pageSize=5&sort=last-day&page=2');
    expect([first.pages, first.rows.length, second.rows.length]).toEqual([3, 5, 5]);
    const days = [...first.rows, ...second.rows].map((r) => r.lastDay);
    expect(days).toEqual([...days].sort());
    expect(new Set([...first.rows, ...second.rows].map((r) => r.id)).size).toBe(10);
  });

  it('charts the on-time rate per agency and year', async () => {
    const b = await board('commune');
    expect(b.chart.years).toEqual([2024, 2025, 2026]);
    expect(b.chart.series.find((s) => s.id === 'xa-dong.a0')?.rates).toEqual([1, 0, 1]);
  });

  it('refuses a malformed filter with the bilingual 400', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/board?status=late-ish', headers: bearer(tokens.commune!) });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ error: 'invalid-input' });
  });

  it('the page shows counts, rows, rates and an SVG chart with the hostile name as text and no script but its own', async () => {
    const res = await app.inject({ method: 'GET', url: '/board?status=overdue', headers: bearer(tokens.commune!) });
    expect(res.statusCode).toBe(200);
    const html = res.body;
    expect(html).toContain('<svg');
    expect(html).toContain('Trường &lt;b>Tiểu học&lt;/b> &quot;A&quot; fdp.exe');
    expect(html).not.toContain('<b>Tiểu học</b>');
    expect(hasBidiControls(html)).toBe(false);
    expect(html).toMatch(/data-count="overdue"[^>]*>\s*<b>2<\/b>/);
    expect((html.match(/<tr data-deadline=/g) ?? []).length).toBe(2);
    // Every script carries this response's nonce (the chart itself needs none).
    const nonce = /script-src[^;]*'nonce-([^']+)'/.exec(String(res.headers['content-security-policy']))?.[1];
    expect(nonce).toBeTruthy();
    for (const tag of html.match(/<script[^>]*>/g) ?? []) expect(tag).toContain(`nonce="${nonce}"`);
  });

  it('names every period choice as people read it: a whole year as "Cả năm", never a bare key', async () => {
    const { options } = await board('commune');
    expect(options.periods.length).toBeGreaterThan(0);
    for (const p of options.periods) expect(options.periodLabels[p], p).toMatch(/^(Cả năm|Năm) \d{4}$|^(?!\d{4}-)/);
    const year = options.periods.find((p) => /^\d{4}$/.test(p))!;
    expect(options.periodLabels[year]).toBe(`Cả năm ${year}`);
    const html = (await app.inject({ method: 'GET', url: '/board', headers: bearer(tokens.commune!) })).body;
    expect(html).toContain(`<option value="${year}"`);
    expect(html).toMatch(new RegExp(`<option value="${year}"[^>]*>Cả năm ${year}</option>`));
  });

  const page = async (who: string, url: string) => {
    const res = await app.inject({ method: 'GET', url, headers: bearer(tokens[who]!) });
    expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
    expect(hasBidiControls(res.body)).toBe(false);
    return res.body;
  };

  it("the plan page shows each period's progress, with the remind-all button for the commune's coordinator only", async () => {
    const coordinator = await page('commune', '/plans/xa-dong.plan');
    expect(coordinator).toContain('2/5 đơn vị đã báo cáo');
    expect(coordinator).toContain('data-api="/api/plans/xa-dong.plan/reminders"');
    expect(coordinator).toContain('id="adhoc"');
    const leader = await page('province', '/plans/xa-dong.plan');
    expect(leader).toContain('2/5 đơn vị đã báo cáo');
    expect(leader).not.toContain('/reminders');
    expect(leader).not.toContain('id="adhoc"');
  });

  it("the plan page offers the coordinator, and only the coordinator, to set the results day of a campaign's open year", async () => {
    await testDb.db.campaign.create({ data: { id: 'xa-dong.camp', planId: 'xa-dong.plan', name: 'Tháng hành động', start: '11-15', end: '12-15' } });
    await testDb.db.campaignRun.createMany({
      data: [
        { id: 'xa-dong.camp.2025', campaignId: 'xa-dong.camp', year: 2025, start: '2025-11-15', end: '2025-12-15', resultsDue: '2025-12-22', status: 'done' },
        { id: 'xa-dong.camp.2026', campaignId: 'xa-dong.camp', year: 2026, start: '2026-11-15', end: '2026-12-15', resultsDue: '2026-12-22' },
      ],
    });
    const coordinator = await page('commune', '/plans/xa-dong.plan');
    const forms = coordinator.match(/<form class="results-due"[^>]*>.*?<\/form>/gs) ?? [];
    expect(forms).toHaveLength(1);
    expect(forms[0]).toContain('data-api="/api/campaigns/xa-dong.camp/results-due"');
    expect(forms[0]).toContain('name="year" value="2026"');
    expect(forms[0]).toMatch(/name="resultsDue" type="date" min="2026-12-15" value="2026-12-22"/);
    expect(await page('province', '/plans/xa-dong.plan')).not.toContain('results-due');
  });

  it("the agency page shows its on-time record per year", async () => {
    const html = await page('commune', '/agencies/xa-dong.a0');
    expect(html).toMatch(/<tr data-year="2025">.*?<td class="num">0 %<\/td>/s);
    expect(html).toContain('Tất cả các năm: đã nộp 3/3, đúng hạn 2/3 (tỷ lệ đúng hạn 66 %).');
  });

  it('the late page lists overdue reports across the communes with the escalation sent, and a roll-up per commune for the province', async () => {
    const late = (await (await app.inject({ method: 'GET', url: '/api/late', headers: bearer(tokens.province!) })).json()) as { rows: { agency: string; workingDaysLate: number }[]; byOrganisation: { name: string; overdue: number }[] };
    expect(late.rows.map((r) => [r.agency, r.workingDaysLate])).toEqual([[HOSTILE_AGENCY, 8], [HOSTILE_AGENCY, 8], ['Phòng Kinh tế', 2], ['Phòng Kinh tế', 2]]);
    expect(late.byOrganisation.map((o) => [o.name, o.overdue])).toEqual(COMMUNES.map((c) => [c.name, 2]));
    const html = await page('province', '/late');
    expect(html).toContain('Cấp 2: Chủ tịch UBND xã');
    expect(html).toContain('id="communes"');
    expect(await page('commune', '/late')).not.toContain('id="communes"');
  });

  it('the deadline page explains its dates and lists every email with its time and recipient', async () => {
    const id = deadlineId('xa-dong', HOSTILE_AGENCY, 2026);
    await testDb.db.outboxMessage.create({
      data: { id: 'm1', key: 'm1', deadlineId: id, stepKey: 'overdue', recipient: 'van-thu@xa-dong.example', subject: '[Quá hạn] 12/KH-UBND', status: 'sent', claimedAt: new Date('2026-11-05T01:00:00Z'), sentAt: new Date('2026-11-05T01:00:02Z') },
    });
    const html = await page('commune', `/deadlines/${encodeURIComponent(id)}`);
    expect(html).toContain('04/11/2026 là Thứ Tư.');
    expect(html).toContain('&quot;trước ngày 05/11&quot; nghĩa là báo cáo phải đến trước khi ngày 05/11/2026 bắt đầu');
    expect(html).toMatch(/<tr data-email="sent"><td>08:00 Thứ Năm, 05\/11\/2026<\/td><td>van-thu@xa-dong.example<\/td><td>\[Quá hạn\] 12\/KH-UBND<\/td>/);
  });
});
