// Steps never drift: the deadline workflow measures the wait for a step after every await,
// so an activity that takes an hour (the database locked, the activity failing and retried
// with backoff) does not push the step an hour late. On the time-skipping server,
// `noteNextStep` fails as "database is locked" until an hour of the server's time has
// passed; the first reminder must still reach the SMTP server at its planned instant plus
// the digest window, by the server's clock. Deadline: Wednesday 14/11/2040.
import { Worker } from '@temporalio/worker';
import { describe, expect, it } from 'vitest';
import { workflowsPath } from '../../src/worker';
import { PEOPLE, seedYearly2040, testActivities } from '../helpers/fixtures';
import { timeSkippingWorld } from '../helpers/world';

const HOUR_MS = 60 * 60_000;

describe('a slow activity does not delay the next step', () => {
  const world = timeSkippingWorld(seedYearly2040);

  it('sends reminder-14wd at 08:00 on 25/10/2040 although noting the next step took an hour', async () => {
    const activities = testActivities(world.db, world.catcher.port, world.starter('drift'));
    let lockedUntil = Infinity;
    let failures = 0;
    let firstSuccessAt = 0;
    const worker = await Worker.create({
      connection: world.env.nativeConnection,
      taskQueue: 'drift',
      workflowsPath,
      activities: {
        ...activities,
        async noteNextStep(input: Parameters<typeof activities.noteNextStep>[0]) {
          if ((await world.env.currentTimeMs()) < lockedUntil) {
            failures += 1;
            throw new Error('SQLITE_BUSY: database is locked');
          }
          firstSuccessAt ||= await world.env.currentTimeMs();
          return activities.noteNextStep(input);
        },
      },
    });
    await world.sleepUntil('2040-10-01T02:00:00Z');
    await worker.runUntil(async () => {
      const startedAt = await world.env.currentTimeMs();
      lockedUntil = startedAt + HOUR_MS;
      await world.env.client.workflow.start('deadlineWorkflow', {
        taskQueue: 'drift',
        workflowId: 'deadline/obl.2040',
        args: [{ deadlineId: 'obl.2040', lastDay: '2040-11-14', ruleText: 'trước ngày 15/11 hằng năm' }],
      });
      await world.sleepUntil('2040-10-25T05:00:00Z'); // noon local, well after the step
      const [first] = await world.catcher.waitFor(1, (m) => m.to.includes(PEOPLE.agencyContacts[0]));
      // The activity really was retried for an hour of the server's time before it went through.
      expect(failures).toBeGreaterThan(3);
      expect(firstSuccessAt - startedAt).toBeGreaterThanOrEqual(HOUR_MS);
      expect(first!.headers['x-hbc-step']).toBe('reminder-14wd');
      expect(first!.headers['x-hbc-send-at']).toBe('2040-10-25T01:00:00.000Z');
      const late = new Date(first!.receivedAt).getTime() - new Date('2040-10-25T01:00:00Z').getTime();
      // At the planned instant (queued ahead, merged there), not plus the hour the activity took.
      expect(late).toBeGreaterThanOrEqual(0);
      expect(late).toBeLessThan(60_000);
    });
  });
});
