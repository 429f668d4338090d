// Báo cáo đột xuất on the time-skipping server with real SMTP: the coordinator asks the
// health station on Monday 05/11/2040 for a report by Friday 16/11/2040 (inclusive); the
// reminders that would have been before the request are skipped, the rest follow the
// ordinary ladder, and the report recorded on the last day stops it. 08:00 local = 01:00Z.
import { Worker } from '@temporalio/worker';
import { describe, expect, it } from 'vitest';
import { requestAdhocReport } from '../../src/services/request-adhoc-report';
import { ServiceError } from '../../src/services/errors';
import { workflowsPath } from '../../src/worker';
import { recordSubmissionUpdate } from '../../src/contract/messages';
import { PEOPLE, seedObligation, testActivities } from '../helpers/fixtures';
import { actorWith } from '../helpers/principals';
import { timeSkippingWorld } from '../helpers/world';

const { agencyContacts: contacts } = PEOPLE;
const REQUESTED_AT = new Date('2040-11-05T03:00:00Z'); // Monday 05/11/2040 10:00 local
const coordinator = actorWith([{ organisationId: 'org', role: 'coordinator' }]);

describe('ad-hoc report request, time-skipping', () => {
  const world = timeSkippingWorld(async (db) => {
    await seedObligation(db);
  });


  it('runs the ladder from the request to the recorded report', async () => {
    const deps = { db: world.db, temporal: world.env.client, taskQueue: 'adhoc', clock: () => REQUESTED_AT, searchAttributes: false };
    const body = { title: 'Tình hình thiệt hại do bão số 9', agencyIds: ['tyt'], lastDay: '2040-11-16', requestedBy: 'Phòng VH-XH' };

    await expect(requestAdhocReport(deps, coordinator, 'plan', { ...body, lastDay: '2040-11-01' })).rejects.toMatchObject({ code: 'invalid-input' });
    await expect(requestAdhocReport(deps, coordinator, 'plan', { ...body, agencyIds: ['tyt', 'no-such'] })).rejects.toBeInstanceOf(ServiceError);

    const worker = await Worker.create({ connection: world.env.nativeConnection, taskQueue: 'adhoc', workflowsPath, activities: testActivities(world.db, world.catcher.port, world.starter('adhoc')) });
    await world.sleepUntil(REQUESTED_AT.toISOString());
    await worker.runUntil(async () => {
      const result = await requestAdhocReport(deps, coordinator, 'plan', body);
      expect(result.startedWorkflows).toBe(1);
      expect(result.deadlineIds).toEqual([expect.stringMatching(/^plan\.adhoc\.tyt\.[0-9a-f]{8}\.2040-11-16$/)]);
      // Asking again changes nothing.
      expect(await requestAdhocReport(deps, coordinator, 'plan', body)).toEqual({ ...result, startedWorkflows: 0 });

      await world.sleepUntil('2040-11-16T03:00:00Z'); // Friday 16/11 10:00 local
      const handle = world.env.client.workflow.getHandle(`deadline/${result.deadlineIds[0]}`);
      const expected = [
        ['reminder-7wd', '2040-11-07T01:00:00.000Z'], // Wed 07/11 (reminder-14wd, Mon 29/10, was before the request)
        ['reminder-3wd', '2040-11-13T01:00:00.000Z'], // Tue 13/11
        ['reminder-1wd', '2040-11-15T01:00:00.000Z'], // Thu 15/11
        ['due-today', '2040-11-16T01:00:00.000Z'], //    Fri 16/11
      ].flatMap(([step, at]) => contacts.map((to) => `${step} ${at} ${to}`));
      // The request itself goes out at once (10:00 on a working Monday), one email per contact.
      expected.push(...contacts.map((to) => `adhoc-request undefined ${to}`));
      await world.catcher.waitFor(expected.length);
      expect(world.catcher.messages().map((m) => `${m.headers['x-hbc-step']} ${m.headers['x-hbc-send-at']} ${m.to.join(',')}`).sort()).toEqual(expected.sort());
      const dueToday = world.catcher.messages().find((m) => m.headers['x-hbc-step'] === 'due-today')!;
      expect(dueToday.subject).toBe('[Đến hạn hôm nay] 77/KH-UBND – Trạm Y tế xã: báo cáo đột xuất: tình hình thiệt hại do bão số 9, hạn Thứ Sáu, 16/11/2040');
      expect(dueToday.text).toContain('Quy định: đột xuất theo yêu cầu, chậm nhất ngày 16/11/2040');

      const request = world.catcher.messages().find((m) => m.headers['x-hbc-step'] === 'adhoc-request')!;
      expect(request.subject).toBe('[Yêu cầu báo cáo đột xuất] 77/KH-UBND – Trạm Y tế xã: báo cáo đột xuất: tình hình thiệt hại do bão số 9, hạn Thứ Sáu, 16/11/2040');
      expect(request.text).toContain('Cơ quan đầu mối đề nghị đơn vị gửi báo cáo đột xuất sau.');

      // The same title for another date, the agency named as the pages show it: a request of its own, with its own date.
      const again = await requestAdhocReport(deps, coordinator, 'plan', { ...body, agencyIds: undefined, agencyNames: ['Trạm Y tế xã'], lastDay: '2040-11-30' });
      expect(again.deadlineIds).toEqual([expect.stringMatching(/\.2040-11-30$/)]);
      const second = await world.db.deadline.findUniqueOrThrow({ where: { id: again.deadlineIds[0]! }, include: { obligation: true } });
      expect([second.lastDay, second.obligation.ruleText]).toEqual(['2040-11-30', 'đột xuất theo yêu cầu, chậm nhất ngày 30/11/2040']);
      await expect(requestAdhocReport(deps, coordinator, 'plan', { ...body, agencyIds: undefined, agencyNames: ['Trạm y tế XÃ khác'] })).rejects.toMatchObject({ code: 'invalid-input', details: ['agencyNames: Trạm y tế XÃ khác'] });

      const receipt = await handle.executeUpdate(recordSubmissionUpdate, { args: [{ submittedBy: 'Trạm trưởng', submittedAt: '2040-11-16T09:00:00Z' }] });
      expect(receipt.late).toBe(false); // 16:00 local on the last day, which is still on time
      await handle.result();
    });
    const row = await world.db.obligation.findFirstOrThrow({ where: { kind: 'adhoc', ruleText: { contains: '16/11/2040' } } });
    expect([row.title, row.agencyId]).toEqual(['Tình hình thiệt hại do bão số 9', 'tyt']);
    // Each accepted request is in the audit log under who made it (the refused ones are not).
    const audit = await world.db.auditEvent.findMany({ where: { action: 'plan.adhoc' } });
    expect(audit.map((a) => [a.actorId, a.organisationId, a.subjectId, JSON.parse(a.after!).deadlineIds])).toEqual([
      ['test-user', 'org', 'plan', [row.id + '.2040-11-16']],
      ['test-user', 'org', 'plan', [row.id + '.2040-11-16']],
      ['test-user', 'org', 'plan', [expect.stringMatching(/\.2040-11-30$/)]],
    ]);
  });
});
