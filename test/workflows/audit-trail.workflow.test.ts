// The audit trail of the coordinator's actions through the real routes and real workflows:
// remind, extend, record a report, waive, request an ad-hoc report, create the roll-up,
// record a campaign's results and import a plan, each one row naming the API token that asked, its address,
// the action, the thing and before/after; a request the workflow refused leaves no row.
// Time-skipping server, real SMTP and SQLite. 08:00 local = 01:00Z.
import { Worker } from '@temporalio/worker';
import type { FastifyInstance } from 'fastify';
import { afterAll, describe, expect, it } from 'vitest';
import { buildServer } from '../../src/api/server';
import { workflowsPath } from '../../src/worker';
import { seedDeadline, seedObligation, testActivities } from '../helpers/fixtures';
import { bearer, grantToken } from '../helpers/principals';
import { timeSkippingWorld } from '../helpers/world';

const NOW = new Date('2040-10-02T03:00:00Z'); // Tuesday 02/10/2040 10:00 local

describe('audit trail of the coordinator through the API', () => {
  let app: FastifyInstance | undefined;
  const world = timeSkippingWorld(async (db) => {
    await seedObligation(db, 'trước ngày 15/11 hằng năm');
    for (const id of ['obl.2040', 'obl.2041']) {
      const year = id.slice(-4);
      await seedDeadline(db, {
        id, periodKey: year, periodLabel: `Năm ${year}`, lastDay: `${year}-11-14`,
        dueAt: new Date(`${year}-11-14T17:00:00Z`), dataFrom: `${Number(year) - 1}-12-15`, dataTo: `${year}-12-14`,
      });
    }
    await db.campaign.create({
      data: { id: 'camp', planId: 'plan', name: 'Tháng hành động', start: '11-15', end: '12-15', organiserId: 'coord', participants: JSON.stringify(['tyt']) },
    });
  });
  afterAll(async () => app?.close());

  it('records who asked, from where, what and on what, once each change was accepted', async () => {
    const token = await grantToken(world.db, { organisationId: 'org', role: 'coordinator' });
    const headers = bearer(token);
    app = buildServer({ db: world.db, temporal: world.env.client, taskQueue: 'trail', clock: () => NOW, searchAttributes: false }, { logger: false });
    const worker = await Worker.create({ connection: world.env.nativeConnection, taskQueue: 'trail', workflowsPath, activities: testActivities(world.db, world.catcher.port, world.starter('trail')) });
    await world.sleepUntil(NOW.toISOString());
    await worker.runUntil(async () => {
      for (const id of ['obl.2040', 'obl.2041']) {
        await world.env.client.workflow.start('deadlineWorkflow', { taskQueue: 'trail', workflowId: `deadline/${id}`, args: [{ deadlineId: id, lastDay: `${id.slice(-4)}-11-14`, ruleText: 'trước ngày 15/11 hằng năm' }] });
      }
      await world.env.client.workflow.start('campaignWorkflow', {
        taskQueue: 'trail',
        workflowId: 'campaign/camp',
        args: [{ campaignId: 'camp', name: 'Tháng hành động', start: { day: 15, month: 11 }, end: { day: 15, month: 12 }, recurring: true, resultsDue: null, spanFrom: 2040, spanTo: 2041, issuedOn: '2040-03-01' }],
      });
      const post = (url: string, payload: object) => app!.inject({ method: 'POST', url, headers, payload });
      expect((await post('/api/deadlines/obl.2040/remind', { requestedBy: 'Phòng VH-XH' })).statusCode).toBe(200);
      expect((await post('/api/deadlines/obl.2040/extension', { newLastDay: '2040-11-20', reason: 'Bão', grantedBy: 'Chủ tịch UBND xã' })).statusCode).toBe(200);
      // Refused by the workflow's validator (not later than the current last day): no row.
      expect((await post('/api/deadlines/obl.2040/extension', { newLastDay: '2040-11-18', reason: 'Nhầm', grantedBy: 'Chủ tịch UBND xã' })).statusCode).toBe(409);
      expect((await post('/api/deadlines/obl.2040/submission', { submittedBy: 'Văn thư', documentNumber: '12/BC-TYT' })).statusCode).toBe(201);
      expect((await post('/api/deadlines/obl.2041/waiver', { reason: 'Không phát sinh', waivedBy: 'Chủ tịch UBND xã' })).statusCode).toBe(200);
      expect((await post('/api/plans/plan/adhoc-requests', { title: 'Thiệt hại do bão', agencyIds: ['tyt'], lastDay: '2040-10-12', requestedBy: 'Phòng VH-XH' })).statusCode).toBe(201);
      expect((await post('/api/plans/plan/rollup', { ruleText: 'trước ngày 20/11 hằng năm', recipient: 'Sở Nội vụ' })).statusCode).toBe(201);
      expect((await post('/api/campaigns/camp/results', { year: 2040, submittedBy: 'Phòng VH-XH' })).statusCode).toBe(201);
      const draft = {
        organisation: { id: 'org', name: 'UBND xã Thử Nghiệm', kind: 'commune' },
        plan: { number: '90/KH-UBND', title: 'Kế hoạch chuyển đổi số', issuedOn: '2040-09-01', spanFrom: 2040, spanTo: 2041, coordinator: null },
        agencies: [{ name: 'Trạm Y tế xã', contacts: [] }],
      };
      expect((await post('/api/imports', draft)).statusCode).toBe(201);
    });
    const rows = await world.db.auditEvent.findMany({ orderBy: { id: 'asc' } });
    const tokenRow = await world.db.apiToken.findFirstOrThrow();
    expect(rows.map((r) => [r.action, r.subjectType, r.subjectId])).toEqual([
      ['deadline.remind', 'deadline', 'obl.2040'],
      ['deadline.extend', 'deadline', 'obl.2040'],
      ['deadline.submit', 'deadline', 'obl.2040'],
      ['deadline.waive', 'deadline', 'obl.2041'],
      ['plan.adhoc', 'plan', 'plan'],
      ['plan.rollup', 'obligation', expect.stringMatching(/^plan\.rollup\.so-noi-vu\./)],
      ['campaign.results', 'campaign', 'camp'],
      ['plan.import', 'plan', 'org.90-kh-ubnd'],
    ]);
    for (const r of rows) expect(r).toMatchObject({ actorType: 'token', actorId: tokenRow.id, actorLabel: 'test coordinator', ip: '127.0.0.1', organisationId: 'org', at: NOW });
    expect([JSON.parse(rows[1]!.before!), JSON.parse(rows[1]!.after!)]).toEqual([
      { lastDay: '2040-11-14', revision: 0 },
      { lastDay: '2040-11-20', revision: 1, reason: 'Bão', grantedBy: 'Chủ tịch UBND xã' },
    ]);
    expect(JSON.parse(rows[2]!.after!)).toMatchObject({ status: 'submitted', submittedBy: 'Văn thư', documentNumber: '12/BC-TYT', late: false });
  });
});
