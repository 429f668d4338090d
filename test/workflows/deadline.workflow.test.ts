// One deadline's whole ladder on the Java time-skipping server, with mail delivered over
// SMTP to a real server on 127.0.0.1 and a real SQLite database, through the path production
// takes: every step is queued for its recipient's daily digest workflow, which sends it. The
// deadline is in 2040 so the test never depends on the day it runs: the server's clock is
// moved forward explicitly. Every expected instant below is written by hand from a 2040
// calendar (no holidays in October-December): last day Wednesday 14/11/2040 ("trước ngày
// 15/11"), 08:00 local = 01:00Z. Delivery is checked by the server's clock at the moment the
// SMTP server took each message, not only by the planned instant in its header.
import { Worker } from '@temporalio/worker';
import { describe, expect, it } from 'vitest';
import { workflowsPath } from '../../src/worker';
import { recordSubmissionUpdate, statusQuery } from '../../src/contract/messages';
import { PEOPLE, seedDeadline, seedObligation, testActivities } from '../helpers/fixtures';
import { timeSkippingWorld } from '../helpers/world';
import { replayAndRecord } from '../helpers/replay';

const { agencyContacts: contacts, agencyHead: head, coordinator, coordinatorHead, leadership } = PEOPLE;

/** step key, planned instant, recipients: the exact mail the SMTP server must receive. */
const LADDER: [string, string, readonly string[]][] = [
  ['reminder-14wd', '2040-10-25T01:00:00.000Z', contacts], // Thu 25/10: 14 working days before
  ['reminder-7wd', '2040-11-05T01:00:00.000Z', contacts], //  Mon 05/11
  ['reminder-3wd', '2040-11-09T01:00:00.000Z', contacts], //  Fri 09/11
  ['reminder-1wd', '2040-11-13T01:00:00.000Z', contacts], //  Tue 13/11
  ['due-today', '2040-11-14T01:00:00.000Z', contacts], //     Wed 14/11, the last day
  ['overdue', '2040-11-15T01:00:00.000Z', [head, ...contacts, coordinator]], // Thu 15/11
  ['escalation-1', '2040-11-19T01:00:00.000Z', [coordinatorHead, coordinator]], // Mon 19/11: 3 working days late
];
const LATER: [string, string, readonly string[]][] = [
  ['escalation-2', '2040-11-23T01:00:00.000Z', [leadership, coordinator]], // Fri 23/11: 7 working days late
  ['repeat-1', '2040-11-30T01:00:00.000Z', [...contacts, head, coordinator]], // Fri 30/11: a week later
];

function expectedMail(steps: typeof LADDER) {
  return steps.flatMap(([step, at, to]) => to.map((address) => ({ step, at, to: address }))).sort(byKey);
}

function byKey(a: { step: string; to: string }, b: { step: string; to: string }) {
  return `${a.step} ${a.to}`.localeCompare(`${b.step} ${b.to}`);
}

describe('deadline workflow, time-skipping', () => {
  const world = timeSkippingWorld(async (db) => {
    await seedObligation(db, 'trước ngày 15/11 hằng năm');
    await seedDeadline(db, {
      id: 'obl.2040',
      periodKey: '2040',
      periodLabel: 'Năm 2040',
      lastDay: '2040-11-14',
      dueAt: new Date('2040-11-14T17:00:00Z'),
      dataFrom: '2039-12-15',
      dataTo: '2040-12-14',
    });
    // A second agency of the same plan that has not reported either (its workflow is not
    // part of this test): escalations list both.
    await db.agency.create({ data: { id: 'ca', organisationId: 'org', name: 'Công an xã' } });
    await db.obligation.create({ data: { id: 'obl-ca', planId: 'plan', agencyId: 'ca', ruleText: 'trước ngày 15/11 hằng năm' } });
    await db.deadline.create({
      data: {
        id: 'obl-ca.2040', obligationId: 'obl-ca', periodKey: '2040', periodLabel: 'Năm 2040', lastDay: '2040-11-14',
        dueAt: new Date('2040-11-14T17:00:00Z'), dataFrom: '2039-12-15', dataTo: '2040-12-14', status: 'open', workflowId: 'deadline/obl-ca.2040',
      },
    });
  });

  const received = () =>
    world.catcher
      .messages()
      .map((m) => ({ step: m.headers['x-hbc-step'] ?? '', at: m.headers['x-hbc-send-at'] ?? '', to: m.to.join(',') }))
      .sort(byKey);

  /**
   * Every ladder email arrived within a minute of its planned instant (queued ahead, merged at it), by the
   * server's clock: a step that slept a minute, an hour or a day too long fails here.
   */
  const expectDeliveredOnTime = () => {
    for (const m of world.catcher.messages().filter((m) => m.headers['x-hbc-send-at'])) {
      const late = new Date(m.receivedAt).getTime() - new Date(m.headers['x-hbc-send-at']!).getTime();
      expect(late, `${m.headers['x-hbc-step']} to ${m.to.join(',')} at ${m.receivedAt}`).toBeGreaterThanOrEqual(0);
      expect(late, `${m.headers['x-hbc-step']} to ${m.to.join(',')} at ${m.receivedAt}`).toBeLessThan(60_000);
    }
  };


  it('walks reminders, due today, overdue and escalation, then stops at the recorded report with a receipt', async () => {
    const worker = await Worker.create({
      connection: world.env.nativeConnection,
      taskQueue: 'ladder',
      workflowsPath,
      activities: testActivities(world.db, world.catcher.port, world.starter('ladder')),
    });

    // The server's clock starts at the real time; a workflow started then would have to wait
    // 14 years for its first timer, past the test server's limit on execution time. Move the
    // clock to 01/10/2040 first, as if the deadline had been created that day.
    await world.sleepUntil('2040-10-01T02:00:00Z');
    await worker.runUntil(async () => {
      const handle = await world.env.client.workflow.start('deadlineWorkflow', {
        taskQueue: 'ladder',
        workflowId: 'deadline/obl.2040',
        args: [{ deadlineId: 'obl.2040', lastDay: '2040-11-14', ruleText: 'trước ngày 15/11 hằng năm' }],
      });

      // Tuesday 20/11/2040 noon local: past escalation-1, before escalation-2.
      await world.sleepUntil('2040-11-20T05:00:00Z');
      await world.catcher.waitFor(expectedMail(LADDER).length);
      expect(received()).toEqual(expectedMail(LADDER));
      expectDeliveredOnTime();
      const status = await handle.query(statusQuery);
      expect(status.nextStep).toMatchObject({ key: 'escalation-2', sendAt: '2040-11-23T01:00:00.000Z' });
      // The dashboard may now say "escalated", and to whom: the level-1 escalation went out.
      expect(await world.db.deadline.findUniqueOrThrow({ where: { id: 'obl.2040' } })).toMatchObject({ escalationLevel: 1, escalatedTo: 'Trưởng phòng' });

      // Monday 03/12/2040 10:00 local: 39 days after the first reminder, the report arrives.
      await world.sleepUntil('2040-12-03T03:00:00Z');
      await world.catcher.waitFor(expectedMail([...LADDER, ...LATER]).length);
      const receipt = await handle.executeUpdate(recordSubmissionUpdate, {
        args: [{ submittedBy: 'Văn thư Trạm Y tế', documentNumber: '12/BC-TYT', submittedAt: '2040-12-03T02:45:00Z' }],
      });
      expect(receipt).toMatchObject({ submittedAt: '2040-12-03T02:45:00.000Z', late: true });
      await handle.result();

      // A month later nothing more has been sent: every pending step stopped with the report.
      await world.sleepUntil('2041-01-05T03:00:00Z');
    });
    await replayAndRecord(world.env.client, 'deadline/obl.2040', 'deadline-ladder-queued-ahead-submitted');
    expectDeliveredOnTime();

    const receipts = world.catcher.messages().filter((m) => m.headers['x-hbc-step'] === 'receipt');
    expect(receipts.map((m) => m.to.join(',')).sort()).toEqual([...contacts].sort());
    expect(receipts[0]!.subject).toBe(
      '[Đã nhận báo cáo] 77/KH-UBND – Trạm Y tế xã: báo cáo năm 2040, hạn Thứ Tư, 14/11/2040',
    );
    const ladderMail = world.catcher.messages().filter((m) => m.headers['x-hbc-step'] !== 'receipt');
    expect(ladderMail.map((m) => ({ step: m.headers['x-hbc-step'] ?? '', at: m.headers['x-hbc-send-at'] ?? '', to: m.to.join(',') })).sort(byKey)).toEqual(
      expectedMail([...LADDER, ...LATER]),
    );
    const overdue = ladderMail.find((m) => m.headers['x-hbc-step'] === 'overdue')!;
    expect(overdue.subject).toBe('[Quá hạn] 77/KH-UBND – Trạm Y tế xã: báo cáo năm 2040, hạn Thứ Tư, 14/11/2040');
    // Due a month before the Decree 09 window closes: the report covers data to its own day, with an estimate.
    expect(overdue.text).toContain('Số liệu: từ 15/12/2039 đến thời điểm báo cáo, ước thực hiện đến 14/12/2040');
    expect(overdue.text).toContain('Quy định: trước ngày 15/11 hằng năm');
    // Leadership sees every late agency of the plan and period, with days late as of the step.
    const toLeadership = ladderMail.find((m) => m.headers['x-hbc-step'] === 'escalation-2' && m.to.includes(leadership))!;
    expect(toLeadership.subject).toBe('[Đôn đốc] 77/KH-UBND – Trạm Y tế xã: báo cáo năm 2040, hạn Thứ Tư, 14/11/2040');
    expect(toLeadership.text).toContain(
      ['Các đơn vị chưa gửi báo cáo kỳ này (2):', '- Công an xã: quá hạn 7 ngày làm việc (hạn 14/11/2040)', '- Trạm Y tế xã: quá hạn 7 ngày làm việc (hạn 14/11/2040)'].join('\n'),
    );
    const toCoordinatorHead = ladderMail.find((m) => m.headers['x-hbc-step'] === 'escalation-1' && m.to.includes(coordinatorHead))!;
    expect(toCoordinatorHead.text).toContain('- Trạm Y tế xã: quá hạn 3 ngày làm việc (hạn 14/11/2040)');

    const row = await world.db.deadline.findUniqueOrThrow({ where: { id: 'obl.2040' }, include: { submissions: true } });
    expect(row.status).toBe('submitted');
    expect([row.escalationLevel, row.escalatedTo]).toEqual([2, 'Chủ tịch UBND xã']);
    expect(row.nextStepAt).toBeNull();
    expect(row.submissions.map((s) => [s.submittedBy, s.documentNumber, s.late])).toEqual([['Văn thư Trạm Y tế', '12/BC-TYT', true]]);
  });
});
