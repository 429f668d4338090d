// The Action Month 15/11-15/12 on the time-skipping server with mail delivered to a real
// SMTP server: notice, first day, mid-point, end and the results report, then the next
// year's run through continue-as-new. Instants written by hand from the 2040 calendar
// (08:00 local = 01:00Z): 15/11/2040 is a Thursday, 15/12/2040 a Saturday.
import { Worker } from '@temporalio/worker';
import { describe, expect, it } from 'vitest';
import type { CampaignWorkflowInput } from '../../src/schemas/campaign.schemas';
import { workflowsPath } from '../../src/worker';
import { recordCampaignResultsUpdate, setCampaignResultsDueUpdate } from '../../src/contract/messages';
import { PEOPLE, seedObligation, testActivities } from '../helpers/fixtures';
import { replayAndRecord } from '../helpers/replay';
import { timeSkippingWorld } from '../helpers/world';

const { agencyContacts: contacts, agencyHead, coordinator } = PEOPLE;

const each = (step: string, at: string, to: readonly string[]) => to.map((t) => `${step} ${at} ${t}`);

describe('campaign workflow, time-skipping', () => {
  const world = timeSkippingWorld(async (db) => {
    await seedObligation(db);
    await db.campaign.create({
      data: {
        id: 'camp2', planId: 'plan', name: 'Tháng hành động năm 2042', start: '11-15', end: '12-15',
        organiserId: 'coord', participants: JSON.stringify(['tyt']),
      },
    });
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
      // Its 2041 run would wait without a worker while the next test skips into 2042.
      await world.env.client.workflow.getHandle('campaign/camp').terminate('test over');
    });
    const runs = await world.db.campaignRun.findMany({ orderBy: { year: 'asc' } });
    expect(runs.map((r) => [r.year, r.start, r.end, r.resultsDue, r.status])).toEqual([
      [2040, '2040-11-15', '2040-12-15', '2040-12-21', 'done'],
      [2041, '2041-11-15', '2041-12-15', '2041-12-20', 'open'], // 15/12/2041 is a Sunday: Mon 16 + 4 more working days
    ]);
    const next = await world.db.campaignRun.findUniqueOrThrow({ where: { id: 'camp.2041' } });
    expect([next.nextStepKind, next.nextStepAt?.toISOString()]).toEqual(['notice', '2041-11-08T01:00:00.000Z']); // Fri 08/11/2041
  });

  // 2042 (after the first test's years): 15/12/2042 is a Monday; the plan's own results day
  // is five working days after the end, Mon 22/12; the coordinator moves it to Fri 09/01/2043.
  it('moves the results day when the coordinator sets it: the results reminders follow the new day under new keys, the old day sends nothing', async () => {
    const input: CampaignWorkflowInput = {
      campaignId: 'camp2', name: 'Tháng hành động năm 2042', start: { day: 15, month: 11 }, end: { day: 15, month: 12 },
      recurring: true, resultsDue: null, spanFrom: 2042, spanTo: 2042, issuedOn: '2042-03-01',
    };
    const worker = await Worker.create({ connection: world.env.nativeConnection, taskQueue: 'campaign2', workflowsPath, activities: testActivities(world.db, world.catcher.port, world.starter('campaign2')) });
    await world.sleepUntil('2042-10-01T02:00:00Z');
    world.catcher.clear();
    await worker.runUntil(async () => {
      const handle = await world.env.client.workflow.start('campaignWorkflow', { taskQueue: 'campaign2', workflowId: 'campaign/camp2', args: [input] });
      // Thu 18/12/2042 10:00 local: the results reminder for Mon 22/12 went out on Wed 17/12.
      await world.sleepUntil('2042-12-18T03:00:00Z');
      const before = [
        ...each('notice', '2042-11-10T01:00:00.000Z', contacts),
        ...each('start', '2042-11-17T01:00:00.000Z', contacts),
        ...each('midpoint', '2042-12-01T01:00:00.000Z', [...contacts, coordinator]),
        ...each('end', '2042-12-15T01:00:00.000Z', [...contacts, coordinator]),
        ...each('results-reminder', '2042-12-17T01:00:00.000Z', contacts),
      ].sort();
      await world.catcher.waitFor(before.length);
      expect(mail()).toEqual(before);

      const move = (year: number, resultsDue: string) => handle.executeUpdate(setCampaignResultsDueUpdate, { args: [{ year, resultsDue, reason: 'Chờ số liệu của các thôn' }] });
      // The validator's words travel as the cause of the client's WorkflowUpdateFailedError.
      const refusal = (p: Promise<unknown>) => p.then(() => 'accepted', (err: Error) => String((err.cause as Error | undefined)?.message));
      expect(await refusal(move(2043, '2043-01-09'))).toMatch(/running year is 2042/);
      expect(await refusal(move(2042, '2042-12-12'))).toMatch(/before the campaign's end/);
      expect(await refusal(move(2042, '2042-12-16'))).toMatch(/in the past/);
      expect(await move(2042, '2043-01-09')).toEqual({ year: 2042, resultsDue: '2043-01-09' });
      expect((await world.db.campaignRun.findUniqueOrThrow({ where: { id: 'camp2.2042' } })).resultsDue).toBe('2043-01-09');

      // Past the old day and overdue day (22 and 23/12), and the new day's overdue (Mon 12/01/2043).
      await world.sleepUntil('2043-01-13T03:00:00Z');
      const after = [
        ...each('results-reminder@2043-01-09', '2043-01-06T01:00:00.000Z', contacts), // Tue 06/01: 3 working days before Fri 09/01
        ...each('results-due@2043-01-09', '2043-01-09T01:00:00.000Z', contacts),
        ...each('results-overdue@2043-01-09', '2043-01-12T01:00:00.000Z', [agencyHead, ...contacts, coordinator]),
      ];
      await world.catcher.waitFor(before.length + after.length);
      expect(mail()).toEqual([...before, ...after].sort());
      const due = world.catcher.messages().find((m) => m.headers['x-hbc-step'] === 'results-due@2043-01-09')!;
      expect(due.text).toContain('09/01/2043');
      expect(await handle.result()).toEqual({ years: [2042] });
      await replayAndRecord(world.env.client, 'campaign/camp2', 'campaign-results-day-moved');
    });
  });
});
