// The leader's weekly digest on the time-skipping server with a real SMTP server: the
// workflow of the commune started on Sunday 04/11/2040 has nothing to say on Monday 05/11
// (nothing was due) and sends nothing; on Monday 12/11 at 08:00 it tells the chairman that
// one report arrived on time that week and one is overdue, compared with the week before.
import { Worker } from '@temporalio/worker';
import { describe, expect, it } from 'vitest';
import { WORKFLOW_TYPES, weeklyDigestWorkflowId } from '../../src/contract/names';
import { workflowsPath } from '../../src/worker';
import { PEOPLE, seedObligation, testActivities } from '../helpers/fixtures';
import { timeSkippingWorld } from '../helpers/world';

describe('weekly digest to leadership, time-skipping', () => {
  const world = timeSkippingWorld(async (db) => {
    await seedObligation(db);
    await db.obligation.create({ data: { id: 'obl-2', planId: 'plan', agencyId: 'coord', ruleText: 'chậm nhất ngày 09/11 hằng năm' } });
    const deadline = (id: string, obligationId: string, lastDay: string, status: string) =>
      db.deadline.create({ data: { id, obligationId, periodKey: '2040', periodLabel: 'Năm 2040', lastDay, dueAt: new Date(`${lastDay}T17:00:00Z`), dataFrom: '2039-12-15', dataTo: '2040-12-14', status, workflowId: `deadline/${id}` } });
    await deadline('obl.2040', 'obl', '2040-11-07', 'open'); // Wednesday 07/11: overdue from Thursday
    await deadline('obl-2.2040', 'obl-2', '2040-11-09', 'submitted');
    await db.submission.create({ data: { id: 's', deadlineId: 'obl-2.2040', submittedAt: new Date('2040-11-08T03:00:00Z'), recordedAt: new Date('2040-11-08T03:00:00Z'), submittedBy: 'Văn thư', late: false } });
  });

  it('sends nothing in a week when nothing was due, then one digest at 08:00 on Monday with the week compared', async () => {
    const { env, catcher, db } = world;
    const worker = await Worker.create({ connection: env.nativeConnection, taskQueue: 'weekly', workflowsPath, activities: testActivities(db, catcher.port, world.starter('weekly')) });
    await world.sleepUntil('2040-11-04T03:00:00Z'); // Sunday 04/11/2040
    await worker.runUntil(async () => {
      await env.client.workflow.start(WORKFLOW_TYPES.weeklyDigest, { taskQueue: 'weekly', workflowId: weeklyDigestWorkflowId('org'), args: [{ organisationId: 'org' }] });
      await world.sleepUntil('2040-11-12T03:00:00Z'); // Monday 12/11, 10:00 local
      const [mail] = await catcher.waitFor(1);
      expect(catcher.messages()).toHaveLength(1);
      expect(mail!.to).toEqual([PEOPLE.leadership]);
      expect(mail!.subject).toBe('[Tổng hợp tuần] UBND xã Thử Nghiệm: 1 báo cáo đang quá hạn');
      expect(mail!.text).toContain('Tình hình báo cáo của UBND xã Thử Nghiệm đến 08:00 Thứ Hai, 12/11/2040:');
      expect(mail!.text).toContain('Nộp đúng hạn trong tuần: 1 (tăng 1 so với tuần trước)');
      expect(mail!.text).toContain('Nộp quá hạn trong tuần: 0 (như tuần trước)');
      expect(mail!.text).toContain('Đang quá hạn, chưa nộp: 1 (tăng 1 so với tuần trước)');
      const arrived = new Date(mail!.receivedAt).getTime();
      expect(arrived).toBeGreaterThanOrEqual(Date.parse('2040-11-12T01:00:00Z'));
      expect(arrived).toBeLessThan(Date.parse('2040-11-12T02:00:00Z'));
      await env.client.workflow.getHandle(weeklyDigestWorkflowId('org')).terminate('test done');
    });
  });
});
