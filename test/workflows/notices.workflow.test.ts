// People never wait on the mail server, and never get mail at night. On the time-skipping
// server with real SMTP and SQLite: with the SMTP port refusing connections, recording a
// report answers at once and its receipt arrives once the SMTP server is back, exactly once;
// a reminder asked for at 22:00 waits for 08:00 the next working day; a second reminder by
// hand within the hour is refused. Deadline: Wednesday 14/11/2040 ("trước ngày 15/11").
import { WorkflowUpdateFailedError } from '@temporalio/client';
import { Worker } from '@temporalio/worker';
import { afterAll, describe, expect, it } from 'vitest';
import { recordSubmissionUpdate, remindNowUpdate } from '../../src/contract/messages';
import { startMailCatcher, type MailCatcher } from '../../src/mail/mail-catcher';
import { freePort } from '../../src/temporal/dev-server';
import { workflowsPath } from '../../src/worker';
import { PEOPLE, seedDeadline, seedObligation, testActivities } from '../helpers/fixtures';
import { timeSkippingWorld } from '../helpers/world';

const { agencyContacts: contacts } = PEOPLE;

describe('notices after a change, time-skipping', () => {
  const world = timeSkippingWorld(async (db) => {
    await seedObligation(db, 'trước ngày 15/11 hằng năm');
    for (const id of ['obl.a', 'obl.b']) {
      await seedDeadline(db, {
        id, periodKey: id, periodLabel: 'Năm 2040', lastDay: '2040-11-14',
        dueAt: new Date('2040-11-14T17:00:00Z'), dataFrom: '2039-12-15', dataTo: '2040-12-14',
      });
    }
  });
  let downCatcher: MailCatcher | undefined;
  afterAll(async () => downCatcher?.close());

  const start = (deadlineId: string, taskQueue: string) =>
    world.env.client.workflow.start('deadlineWorkflow', {
      taskQueue,
      workflowId: `deadline/${deadlineId}`,
      args: [{ deadlineId, lastDay: '2040-11-14', ruleText: 'trước ngày 15/11 hằng năm' }],
    });

  it('records a report while SMTP refuses connections, and delivers the receipt once it is back', async () => {
    const smtpPort = await freePort(); // nothing listens here yet: connections are refused
    const worker = await Worker.create({
      connection: world.env.nativeConnection,
      taskQueue: 'smtp-down',
      workflowsPath,
      activities: testActivities(world.db, smtpPort, world.starter('smtp-down')),
    });
    await world.sleepUntil('2040-10-01T02:00:00Z');
    await worker.runUntil(async () => {
      const handle = await start('obl.a', 'smtp-down');
      await world.sleepUntil('2040-10-02T03:00:00Z');
      const receipt = await handle.executeUpdate(recordSubmissionUpdate, { args: [{ submittedBy: 'Văn thư Trạm Y tế', documentNumber: '7/BC-TYT' }] });
      expect(receipt.late).toBe(false);
      // Answered with the mail server down: the report is committed, its receipt waits in the outbox.
      const row = await world.db.deadline.findUniqueOrThrow({ where: { id: 'obl.a' }, include: { submissions: true } });
      expect([row.status, row.submissions.length]).toEqual(['submitted', 1]);
      const pending = await world.db.outboxMessage.findMany({ where: { deadlineId: 'obl.a', stepKey: 'receipt' } });
      expect(pending).toHaveLength(contacts.length);
      expect(pending.every((r) => r.status === 'pending' || r.status === 'claimed')).toBe(true);

      // SMTP comes back; the delivery activity's retries find it.
      downCatcher = await startMailCatcher({ port: smtpPort, clock: async () => new Date(await world.env.currentTimeMs()) });
      // Retries back off to ten minutes apart; two hours of the server's time is plenty.
      await world.env.sleep(2 * 60 * 60_000);
      await downCatcher.waitFor(contacts.length, (m) => m.headers['x-hbc-step'] === 'receipt');
      // The workflow completes once its notices are out. (describe(), not result(): the test
      // server's result() lets the clock run free, years ahead, when no timer is pending.)
      expect((await handle.describe()).status.name).toBe('COMPLETED');
      const receipts = downCatcher.messages().filter((m) => m.headers['x-hbc-step'] === 'receipt');
      expect(receipts.map((m) => m.to.join(',')).sort()).toEqual([...contacts].sort());
      expect(new Set(receipts.map((m) => m.messageId)).size).toBe(contacts.length);
      expect(receipts[0]!.text).toContain('Số văn bản: 7/BC-TYT');
      expect(receipts[0]!.text).toMatch(/Thời điểm nhận: \d\d:\d\d Thứ Ba, 02\/10\/2040 \(đúng hạn\)/);
      // Later retries or replays send nothing more.
      await world.env.sleep(60 * 60_000);
      expect(downCatcher.messages().filter((m) => m.headers['x-hbc-step'] === 'receipt')).toHaveLength(contacts.length);
      const sent = await world.db.outboxMessage.findMany({ where: { deadlineId: 'obl.a', stepKey: 'receipt' } });
      expect(sent.map((r) => r.status)).toEqual(contacts.map(() => 'sent'));
    });
  });

  it('holds a reminder asked for at night until 08:00 the next working day, and refuses a second one within the hour', async () => {
    const worker = await Worker.create({
      connection: world.env.nativeConnection,
      taskQueue: 'night',
      workflowsPath,
      activities: testActivities(world.db, world.catcher.port, world.starter('night')),
    });
    await world.sleepUntil('2040-10-03T02:00:00Z');
    await worker.runUntil(async () => {
      const handle = await start('obl.b', 'night');
      await world.sleepUntil('2040-10-05T15:00:00Z'); // Friday 05/10/2040, 22:00 local
      const result = await handle.executeUpdate(remindNowUpdate, { args: [{ requestedBy: 'Phòng VH-XH', note: 'Nhớ gửi kèm phụ lục' }] });
      expect(result).toEqual({ sent: contacts.length, sendAt: '2040-10-08T01:00:00.000Z', held: true }); // Monday 08:00

      const again = await handle.executeUpdate(remindNowUpdate, { args: [{ requestedBy: 'Phòng VH-XH' }] }).catch((err: unknown) => err);
      expect(again).toBeInstanceOf(WorkflowUpdateFailedError);
      expect((again as WorkflowUpdateFailedError).cause?.message).toContain('có thể nhắc lại từ 23:00 Thứ Sáu, 05/10/2040');

      await world.sleepUntil('2040-10-08T02:00:00Z');
      const [mail] = await world.catcher.waitFor(contacts.length, (m) => m.headers['x-hbc-kind'] === 'manual');
      // Not at 22:00 on Friday, not over the weekend: at 08:00 on Monday, by the server's clock.
      const late = new Date(mail!.receivedAt).getTime() - new Date('2040-10-08T01:00:00Z').getTime();
      expect(late).toBeGreaterThanOrEqual(0);
      expect(late).toBeLessThan(60_000);
      expect(mail!.text).toContain('Ghi chú: Nhớ gửi kèm phụ lục');

      // An hour after the first one, another reminder by hand is accepted, and goes at once.
      const later = await handle.executeUpdate(remindNowUpdate, { args: [{ requestedBy: 'Phòng VH-XH' }] });
      expect(later.held).toBe(false);
    });
  });
});
