// A plan's reminder policy reaches its running deadlines at their next planning point: the
// coordinator changes it while a deadline waits for its next reminder, and the reminders
// after that one follow the new offsets and hour; a step the new policy places before the
// last one sent is skipped, never sent late. Time-skipping server, real SMTP and SQLite,
// the real planningContext activity reading the plan from the database.
// Deadline: Wednesday 14/11/2040 ("trước ngày 15/11"), 08:00 local = 01:00Z.
import { Worker } from '@temporalio/worker';
import { describe, expect, it } from 'vitest';
import { defaultReminderPolicy, type ReminderPolicy } from '../../src/domain/timeline';
import { setReminderPolicy } from '../../src/services/admin/reminder-policy';
import { workflowsPath } from '../../src/worker';
import { PEOPLE, seedYearly2040, testActivities } from '../helpers/fixtures';
import { timeSkippingWorld } from '../helpers/world';

const contact = PEOPLE.agencyContacts[0];
const NEW_POLICY: ReminderPolicy = {
  ...defaultReminderPolicy,
  // 10 working days before Wednesday 14/11 is Wednesday 31/10: before reminder-7wd, which will have been sent.
  reminderWorkingDaysBefore: [10, 5, 2],
  sendHour: 9,
  sendMinute: 30,
  dueToday: false,
};
const coordinator = { principal: { kind: 'user' as const, id: 'u-vhxh', label: 'vhxh@xa.test.example', grants: [{ organisationId: 'org', role: 'coordinator' as const }] }, ip: '192.0.2.10' };

describe('a plan reminder policy changed while its deadline runs', () => {
  const world = timeSkippingWorld(seedYearly2040);

  it('sends the reminders after the next one by the new policy, and skips what it places before the last one sent', async () => {
    const worker = await Worker.create({
      connection: world.env.nativeConnection,
      taskQueue: 'policy',
      workflowsPath,
      activities: testActivities(world.db, world.catcher.port, world.starter('policy')),
    });
    await world.sleepUntil('2040-10-01T02:00:00Z');
    await worker.runUntil(async () => {
      await world.env.client.workflow.start('deadlineWorkflow', {
        taskQueue: 'policy',
        workflowId: 'deadline/obl.2040',
        args: [{ deadlineId: 'obl.2040', lastDay: '2040-11-14', ruleText: 'trước ngày 15/11 hằng năm' }],
      });
      // After reminder-14wd (Thursday 25/10) the workflow sleeps until reminder-7wd (Monday 05/11),
      // planned by the default policy. The coordinator then sets the plan's own policy.
      await world.sleepUntil('2040-10-26T02:00:00Z');
      await world.catcher.waitFor(1, (m) => m.to.includes(contact));
      await setReminderPolicy({ db: world.db, clock: () => new Date('2040-10-26T02:00:00Z') }, coordinator, 'plan', NEW_POLICY);

      await world.sleepUntil('2040-11-14T10:00:00Z');
      await world.catcher.waitFor(4, (m) => m.to.includes(contact));
      const mine = world.catcher
        .messages()
        .filter((m) => m.to.includes(contact))
        .map((m) => `${m.headers['x-hbc-step']} ${m.headers['x-hbc-send-at']}`);
      expect(mine).toEqual([
        'reminder-14wd 2040-10-25T01:00:00.000Z',
        // Planned before the change: it goes as planned, and it is the planning point that reads the new policy.
        'reminder-7wd 2040-11-05T01:00:00.000Z',
        // Five and two working days before Wednesday 14/11, at 09:30; no due-today on 14/11.
        'reminder-5wd 2040-11-07T02:30:00.000Z',
        'reminder-2wd 2040-11-12T02:30:00.000Z',
      ]);
    });
    const audit = await world.db.auditEvent.findMany({ where: { subjectId: 'plan' } });
    expect(audit).toMatchObject([{ action: 'plan.policy', actorType: 'user', actorId: 'u-vhxh', ip: '192.0.2.10', organisationId: 'org' }]);
    expect(JSON.parse(audit[0]!.before!)).toEqual({ isDefault: true, policy: defaultReminderPolicy });
    expect(JSON.parse(audit[0]!.after!)).toEqual({ isDefault: false, policy: NEW_POLICY });
  });
});
