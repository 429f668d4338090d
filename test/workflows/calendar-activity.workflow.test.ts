// Workflows take the business calendar from the `planningContext` activity, at every
// planning point, never from their bundle: a day off announced while a deadline runs moves
// the steps not yet planned, and nothing already sent. Time-skipping server, real SMTP and
// SQLite. Deadline: Wednesday 14/11/2040 ("trước ngày 15/11"), 08:00 local = 01:00Z.
import { Worker } from '@temporalio/worker';
import { describe, expect, it } from 'vitest';
import type { CalendarOverrides } from '../../src/domain/business-calendar';
import { officialCalendarOverrides } from '../../src/domain/official-calendar';
import { workflowsPath } from '../../src/worker';
import { PEOPLE, seedYearly2040, testActivities } from '../helpers/fixtures';
import { timeSkippingWorld } from '../helpers/world';

const contact = PEOPLE.agencyContacts[0];

describe('the calendar reaches workflows as an activity result', () => {
  const world = timeSkippingWorld(seedYearly2040);

  it('plans the steps after an announced day off with the new calendar, without a new workflow or a new bundle', async () => {
    // What the administrator has entered so far: the official data, nothing special in 2040.
    let overrides: CalendarOverrides = officialCalendarOverrides();
    const worker = await Worker.create({
      connection: world.env.nativeConnection,
      taskQueue: 'calendar',
      workflowsPath,
      activities: testActivities(world.db, world.catcher.port, world.starter('calendar'), {
        planningContext: async () => ({ calendar: overrides }),
      }),
    });
    await world.sleepUntil('2040-10-01T02:00:00Z');
    await worker.runUntil(async () => {
      await world.env.client.workflow.start('deadlineWorkflow', {
        taskQueue: 'calendar',
        workflowId: 'deadline/obl.2040',
        args: [{ deadlineId: 'obl.2040', lastDay: '2040-11-14', ruleText: 'trước ngày 15/11 hằng năm' }],
      });
      // The next day, Monday 05/11/2040 is announced as a day off. reminder-14wd (Thursday
      // 25/10) is already planned; every step planned after it uses the new calendar.
      await world.sleepUntil('2040-10-02T02:00:00Z');
      overrides = { years: { ...overrides.years, '2040': { extraDaysOff: [{ date: '2040-11-05', name: 'Ngày nghỉ đặc biệt (thử nghiệm)' }] } } };
      await world.sleepUntil('2040-11-06T05:00:00Z');
      await world.catcher.waitFor(2, (m) => m.to.includes(contact));
      const mine = world.catcher
        .messages()
        .filter((m) => m.to.includes(contact))
        .map((m) => `${m.headers['x-hbc-step']} ${m.headers['x-hbc-send-at']}`);
      expect(mine).toEqual([
        'reminder-14wd 2040-10-25T01:00:00.000Z',
        // Seven working days before Wednesday 14/11 was Monday 05/11; with 05/11 off it is Friday 02/11.
        'reminder-7wd 2040-11-02T01:00:00.000Z',
      ]);
    });
  });
});
