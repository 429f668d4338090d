// The Action Month 15/11-15/12 on the time-skipping server with mail delivered to a real
// SMTP server: notice, first day, mid-point, end and the results report, then the next
// year's run through continue-as-new. Instants written by hand from the 2040 calendar
// (08:00 local = 01:00Z): 15/11/2040 is a Thursday, 15/12/2040 a Saturday.
import { Worker } from '@temporalio/worker';
import { describe, expect, it } from 'vitest';
import type { CampaignWorkflowInput } from '../../src/schemas/campaign.schemas';
import { workflowsPath } from '../../src/worker';
import { recordCampaignResultsUpdate } from '../../src/contract/messages';
import { PEOPLE, seedObligation, testActivities } from '../helpers/fixtures';
import { replayAndRecord } from '../helpers/replay';
import { timeSkippingWorld } from '../helpers/world';

const { agencyContacts: contacts, coordinator } = PEOPLE;

const each = (step: string, at: string, to: readonly string[]) => to.map((t) => `${step} ${at} ${t}`);

describe('campaign workflow, time-skipping', () => {
  const world = timeSkippingWorld(async (db) => {
    await seedObligation(db);
    await db.campaign.create({
      data: {
        id: 'camp', planId: 'plan', name: 'Tháng hành động vì bình đẳng giới', start: '11-15', end: '12-15',
        organiserId: 'coord', participants: JSON.stringify(['tyt']),
      },
    });
  });

  const mail = () =>
    world.catcher
      .messages()
      .map((m) => `${m.headers['x-hbc-step']} ${m.headers['x-hbc-send-at'] ?? '-'} ${m.to.join(',')}`)
      .sort();

  it('sends the notice, first day, mid-point, end and results reminder; a recorded results report stops the rest', async () => {
    const input: CampaignWorkflowInput = {
      campaignId: 'camp', name: 'Tháng hành động vì bình đẳng giới', start: { day: 15, month: 11 }, end: { day: 15, month: 12 },
      recurring: true, resultsDue: null, spanFrom: 2040, spanTo: 2041, issuedOn: '2040-03-01',
    };
    const worker = await Worker.create({ connection: world.env.nativeConnection, taskQueue: 'campaign', workflowsPath, activities: testActivities(world.db, world.catcher.port, world.starter('campaign')) });
    await world.sleepUntil('2040-10-01T02:00:00Z');
    await worker.runUntil(async () => {
      const handle = await world.env.client.workflow.start('campaignWorkflow', { taskQueue: 'campaign', workflowId: 'campaign/camp', args: [input] });
      // Thursday 20/12/2040 10:00 local: after the results reminder (Tue 18/12), before the due day (Fri 21/12).
      await world.sleepUntil('2040-12-20T03:00:00Z');
      const expected = [
        ...each('notice', '2040-11-08T01:00:00.000Z', contacts), // Thu 08/11: 5 working days before the start
        ...each('start', '2040-11-15T01:00:00.000Z', contacts), // Thu 15/11
        ...each('midpoint', '2040-11-30T01:00:00.000Z', [...contacts, coordinator]), // Fri 30/11: 15 days in
        ...each('end', '2040-12-14T01:00:00.000Z', [...contacts, coordinator]), // 15/12 is a Saturday: Fri 14/12
        ...each('results-reminder', '2040-12-18T01:00:00.000Z', contacts), // Tue 18/12: 3 working days before Fri 21/12
      ].sort();
      await world.catcher.waitFor(expected.length);
      expect(mail()).toEqual(expected);
      const notice = world.catcher.messages().find((m) => m.headers['x-hbc-step'] === 'notice')!;
      expect(notice.subject).toBe('[Sắp bắt đầu] 77/KH-UBND – Tháng hành động vì bình đẳng giới năm 2040');
      expect(notice.text).toContain('Thời gian: từ Thứ Năm, 15/11/2040 đến Thứ Bảy, 15/12/2040');
      expect(notice.text).toContain('Hạn báo cáo kết quả: Thứ Sáu, 21/12/2040');

      await expect(handle.executeUpdate(recordCampaignResultsUpdate, { args: [{ year: 2041, submittedBy: 'x' }] })).rejects.toThrow();
      expect(await handle.executeUpdate(recordCampaignResultsUpdate, { args: [{ year: 2040, submittedBy: 'Phòng VH-XH', documentNumber: '88/BC-VHXH' }] })).toEqual({ year: 2040 });
      // Into January: no results-due or overdue notice for 2040, and the 2041 run has begun.
      await world.sleepUntil('2041-01-15T03:00:00Z');
      expect(mail()).toEqual([...expected, ...each('results-received', '-', [coordinator])].sort());
      await replayAndRecord(world.env.client, 'campaign/camp', 'campaign-next-year-calendar-activity');
    });
    const runs = await world.db.campaignRun.findMany({ orderBy: { year: 'asc' } });
    expect(runs.map((r) => [r.year, r.start, r.end, r.resultsDue, r.status])).toEqual([
      [2040, '2040-11-15', '2040-12-15', '2040-12-21', 'done'],
      [2041, '2041-11-15', '2041-12-15', '2041-12-20', 'open'], // 15/12/2041 is a Sunday: Mon 16 + 4 more working days
    ]);
    const next = await world.db.campaignRun.findUniqueOrThrow({ where: { id: 'camp.2041' } });
    expect([next.nextStepKind, next.nextStepAt?.toISOString()]).toEqual(['notice', '2041-11-08T01:00:00.000Z']); // Fri 08/11/2041
  });
});
