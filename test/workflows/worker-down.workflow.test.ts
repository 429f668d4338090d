// The chaos run's last fault (docs/RELIABILITY.md): the worker is down across a reminder's
// planned instant, so nothing can send it then; hours later it is back. The reminder still
// goes, once, says it is late and when it was meant to go, and the history records it.
// On the time-skipping server a worker cannot be absent across a timer (the server stops
// its clock while a workflow task waits for a worker), so "down" is what a dead worker is to
// the step: every activity attempt fails, as one that cannot reach its database or network
// would, from the day before the instant until 13:00 local; the retries' backoff lets the
// server's clock run. Deadline: Wednesday 14/11/2040; the first reminder, 14 working days
// before, is planned for Thursday 25/10/2040 at 08:00 (01:00 UTC).
import { Worker } from '@temporalio/worker';
import { describe, expect, it } from 'vitest';
import { workflowsPath } from '../../src/worker';
import { PEOPLE, seedYearly2040, testActivities } from '../helpers/fixtures';
import { timeSkippingWorld } from '../helpers/world';

const PLANNED = '2040-10-25T01:00:00.000Z';
const DOWN_FROM = Date.parse('2040-10-24T01:00:00Z');
const DOWN_UNTIL = Date.parse('2040-10-25T06:00:00Z');

describe('a worker down across a reminder instant', () => {
  const world = timeSkippingWorld(seedYearly2040);

  it('sends the 25/10/2040 reminder once the worker is back, late, saying when it was due', async () => {
    const real = testActivities(world.db, world.catcher.port, world.starter('down'));
    let failedAttempts = 0;
    const down = Object.fromEntries(
      Object.entries(real).map(([name, fn]) => [
        name,
        async (...args: unknown[]) => {
          const now = await world.env.currentTimeMs();
          if (now >= DOWN_FROM && now < DOWN_UNTIL) {
            failedAttempts += 1;
            throw new Error('connect ECONNREFUSED: the worker is down');
          }
          return (fn as (...a: unknown[]) => Promise<unknown>)(...args);
        },
      ]),
    );
    const worker = await Worker.create({ connection: world.env.nativeConnection, taskQueue: 'down', workflowsPath, activities: down });
    await world.sleepUntil('2040-10-01T02:00:00Z');
    await worker.runUntil(async () => {
      await world.env.client.workflow.start('deadlineWorkflow', {
        taskQueue: 'down',
        workflowId: 'deadline/obl.2040',
        args: [{ deadlineId: 'obl.2040', lastDay: '2040-11-14', ruleText: 'trước ngày 15/11 hằng năm' }],
      });
      await world.sleepUntil('2040-10-25T09:00:00Z');
      const mail = await world.catcher.waitFor(PEOPLE.agencyContacts.length, (m) => m.headers['x-hbc-step'] === 'reminder-14wd');
      expect(failedAttempts).toBeGreaterThan(3);
      for (const m of mail) {
        expect(m.headers['x-hbc-send-at']).toBe(PLANNED);
        expect(Date.parse(m.receivedAt)).toBeGreaterThanOrEqual(DOWN_UNTIL);
        expect(m.text).toContain('Thư này gửi muộn so với lịch; dự kiến gửi lúc 08:00 Thứ Năm, 25/10/2040');
      }
    });
    const reminders = world.catcher.messages().filter((m) => m.headers['x-hbc-step'] === 'reminder-14wd');
    expect(reminders.map((m) => m.to.join(',')).sort()).toEqual([...PEOPLE.agencyContacts].sort());
    const sent = await world.db.deadlineEvent.findMany({ where: { deadlineId: 'obl.2040', type: 'email-sent' } });
    expect(sent.map((e) => (JSON.parse(e.payload) as { step: string; to: string }).to).sort()).toEqual([...PEOPLE.agencyContacts].sort());
  }, 240_000);
});
