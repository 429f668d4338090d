// Several messages for one person on one day go out as one digest (DOMAIN.md). Three
// obligations of the health station, all due Wednesday 14/11/2040, send their
// "14 working days before" reminders on Thursday 25/10/2040 at 08:00: each contact gets one
// email listing the three, on the time-skipping server with a real SMTP server.
import { Worker } from '@temporalio/worker';
import { describe, expect, it } from 'vitest';
import { workflowsPath } from '../../src/worker';
import { PEOPLE, seedObligation, testActivities } from '../helpers/fixtures';
import { replayAndRecord } from '../helpers/replay';
import { timeSkippingWorld } from '../helpers/world';

const RULES = ['trước ngày 15/11 hằng năm', 'chậm nhất ngày 14/11 hằng năm', 'trước ngày 15 tháng 11 hằng năm'];

describe('daily digest, time-skipping', () => {
  const world = timeSkippingWorld(async (db) => {
    await seedObligation(db, RULES[0]);
    for (const [i, ruleText] of RULES.entries()) {
      const obligationId = i === 0 ? 'obl' : `obl-${i}`;
      if (i > 0) await db.obligation.create({ data: { id: obligationId, planId: 'plan', agencyId: 'tyt', ruleText, indicators: `Chỉ tiêu ${i + 1}` } });
      await db.deadline.create({
        data: {
          id: `${obligationId}.2040`, obligationId, periodKey: '2040', periodLabel: 'Năm 2040', lastDay: '2040-11-14',
          dueAt: new Date('2040-11-14T17:00:00Z'), dataFrom: '2039-12-15', dataTo: '2040-12-14', status: 'open', workflowId: `deadline/${obligationId}.2040`,
        },
      });
    }
  });

  it('merges three reminders for one agency on one day into one email per contact', async () => {
    const { env, catcher, db } = world;
    const worker = await Worker.create({
      connection: env.nativeConnection,
      taskQueue: 'digest',
      workflowsPath,
      activities: testActivities(db, catcher.port, { client: env.client, taskQueue: 'digest', searchAttributes: false }),
    });
    await world.sleepUntil('2040-10-01T02:00:00Z');
    await worker.runUntil(async () => {
      for (const [i, ruleText] of RULES.entries()) {
        const deadlineId = `${i === 0 ? 'obl' : `obl-${i}`}.2040`;
        await env.client.workflow.start('deadlineWorkflow', { taskQueue: 'digest', workflowId: `deadline/${deadlineId}`, args: [{ deadlineId, lastDay: '2040-11-14', ruleText }] });
      }
      await world.sleepUntil('2040-10-25T03:00:00Z'); // Thursday 25/10/2040, 10:00 local
      await catcher.waitFor(PEOPLE.agencyContacts.length);

      const mails = catcher.messages();
      expect(mails.map((m) => m.to.join(',')).sort()).toEqual([...PEOPLE.agencyContacts].sort());
      for (const mail of mails) {
        expect(mail.subject).toBe('[Tổng hợp nhắc hạn] 3 báo cáo cần chú ý – ngày 25/10/2040');
        expect(mail.headers['x-hbc-step']).toBe('digest');
        expect(mail.headers['x-hbc-send-at']).toBe('2040-10-25T01:00:00.000Z');
        const keys = (mail.headers['x-hbc-digest-of'] ?? '').split(' ').sort();
        expect(keys).toEqual(['obl-1.2040', 'obl-2.2040', 'obl.2040'].map((d) => `${d}:reminder-14wd:${mail.to[0]}`).sort());
        for (const rule of RULES) expect(mail.text).toContain(`Quy định: ${rule}`);
        expect(mail.text.match(/Kính gửi: Trạm Y tế xã/g)).toHaveLength(3);
        // One HTML document holding the three messages, not three documents end to end.
        expect(mail.html.match(/<html/gi)).toHaveLength(1);
        expect(mail.html.match(/Kính gửi: <b>Trạm Y tế xã<\/b>/g)).toHaveLength(3);
      }
      const rows = await db.outboxMessage.findMany({ where: { stepKey: 'reminder-14wd' } });
      expect(rows.map((r) => r.status)).toEqual(Array(6).fill('sent'));
      expect(new Set(rows.map((r) => r.messageId)).size).toBe(2); // one email per contact

      // The next step, eight working days later, is again one digest per contact, not three emails.
      await world.sleepUntil('2040-11-05T03:00:00Z');
      await catcher.waitFor(2 * PEOPLE.agencyContacts.length);
      expect(catcher.messages()).toHaveLength(2 * PEOPLE.agencyContacts.length);
      await replayAndRecord(env.client, `digest/${PEOPLE.agencyContacts[0]}/2040-10-25`, 'digest-three-reminders-at-instant');
    });
  });
});
