// Five years of two obligations through their obligation workflows, on the Java
// time-skipping server with mail delivered to a real SMTP server: each year's deadline is
// opened when its data window opens (15/12), its reminders and "due today" notice go out
// on the right working days around Tết and 30/04-01/05, and each run continues as new.
// Every instant below is written by hand (08:00 local = 01:00Z) from the 2036-2041
// calendars; comments give the weekday and the holiday that moved the day.
import { Worker } from '@temporalio/worker';
import { describe, expect, it } from 'vitest';
import type { ObligationWorkflowInput } from '../../src/schemas/obligation.schemas';
import { workflowsPath } from '../../src/worker';
import { waiveUpdate } from '../../src/contract/messages';
import { PEOPLE, seedObligation, testActivities } from '../helpers/fixtures';
import { timeSkippingWorld } from '../helpers/world';
import { replayAndRecord } from '../helpers/replay';

const MAY = 'trước ngày 02/05 hằng năm'; // last day 01/05, a holiday: "due today" before 30/04
const FEB = 'trước ngày 25/02 hằng năm'; // reminders cross Tết

/** deadline id, and the days of reminder-14wd, -7wd, -3wd, -1wd and due-today. */
const YEARS: [string, string[]][] = [
  ['obl.2036', ['2036-04-09', '2036-04-18', '2036-04-24', '2036-04-28', '2036-04-29']], // 01/05 Thu; 30/04 off; Giỗ Tổ bù 07/04
  ['feb.2036', ['2037-01-28', '2037-02-06', '2037-02-12', '2037-02-23', '2037-02-24']], // Tết 16-20/02/2037 skipped
  ['obl.2037', ['2037-04-08', '2037-04-17', '2037-04-23', '2037-04-28', '2037-04-29']], // Giỗ Tổ Fri 24/04 skipped
  ['feb.2037', ['2038-01-28', '2038-02-15', '2038-02-19', '2038-02-23', '2038-02-24']], // Tết 03-09/02/2038 skipped
  ['obl.2038', ['2038-04-08', '2038-04-20', '2038-04-26', '2038-04-28', '2038-04-29']], // Giỗ Tổ Tue 13/04; 01/05 Sat
  ['feb.2038', ['2039-02-04', '2039-02-15', '2039-02-21', '2039-02-23', '2039-02-24']],
  ['obl.2039', ['2039-04-11', '2039-04-20', '2039-04-26', '2039-04-28', '2039-04-29']], // 30/04 Sat, 01/05 Sun: Fri 29/04
  ['feb.2039', ['2040-01-30', '2040-02-08', '2040-02-21', '2040-02-23', '2040-02-24']], // Tết 13-17/02/2040 skipped
  ['obl.2040', ['2040-04-06', '2040-04-17', '2040-04-24', '2040-04-26', '2040-04-27']], // Giỗ Tổ Fri 20/04; 30/04 Mon: Fri 27/04
  ['feb.2040', ['2041-01-28', '2041-02-13', '2041-02-19', '2041-02-21', '2041-02-22']], // 24/02/2041 Sun; Tết 31/01-06/02
];
const STEPS = ['reminder-14wd', 'reminder-7wd', 'reminder-3wd', 'reminder-1wd', 'due-today'];

describe('obligation workflow: five years through continue-as-new, time-skipping', () => {
  const world = timeSkippingWorld(async (db) => {
    await seedObligation(db, MAY);
    await db.obligation.create({ data: { id: 'feb', planId: 'plan', agencyId: 'tyt', ruleText: FEB } });
  });


  const input = (obligationId: string, ruleText: string): ObligationWorkflowInput => ({
    obligationId,
    ruleText,
    spanFrom: 2036,
    spanTo: 2040,
    issuedOn: '2035-10-20',
    holidayRule: 'written-date',
  });

  it('opens each period when its data window opens and sends its reminders on the right working days, year after year', async () => {
    const worker = await Worker.create({ connection: world.env.nativeConnection, taskQueue: 'obligation', workflowsPath, activities: testActivities(world.db, world.catcher.port, { client: world.env.client, taskQueue: 'obligation', searchAttributes: false }) });
    // The plan is issued on 20/10/2035; the test server's clock is moved there first.
    await world.sleepUntil('2035-10-20T02:00:00Z');
    await worker.runUntil(async () => {
      const handles = await Promise.all(
        [input('obl', MAY), input('feb', FEB)].map((args) =>
          world.env.client.workflow.start('obligationWorkflow', { taskQueue: 'obligation', workflowId: `obligation/${args.obligationId}`, args: [args] }),
        ),
      );
      let expectedCount = 0;
      for (const [deadlineId, days] of YEARS) {
        // 09:00 local on the "due today" day: every reminder and the notice itself are out.
        await world.sleepUntil(`${days[4]}T02:00:00Z`);
        expectedCount += STEPS.length * PEOPLE.agencyContacts.length;
        await world.catcher.waitFor(expectedCount);
        const mails = world.catcher
          .messages()
          .filter((m) => m.headers['x-hbc-key']?.startsWith(`${deadlineId}:`))
          .map((m) => `${m.headers['x-hbc-step']} ${m.headers['x-hbc-send-at']} ${m.to.join(',')}`)
          .sort();
        const expected = STEPS.flatMap((step, i) => PEOPLE.agencyContacts.map((to) => `${step} ${days[i]}T01:00:00.000Z ${to}`)).sort();
        expect(mails, deadlineId).toEqual(expected);
        // The agency reported by phone; the coordinator waives the period so the test stays short.
        const deadline = world.env.client.workflow.getHandle(`deadline/${deadlineId}`);
        await deadline.executeUpdate(waiveUpdate, { args: [{ reason: 'Đã báo cáo qua điện thoại', waivedBy: 'Phòng VH-XH' }] });
        // The waiver notice goes to the agency's contacts and the coordinator.
        expectedCount += PEOPLE.agencyContacts.length + 1;
        await world.catcher.waitFor(expectedCount);
      }
      // Nothing else was sent: no overdue notice for a waived period, nothing twice.
      expect(world.catcher.messages()).toHaveLength(expectedCount);
      expect(world.catcher.messages().filter((m) => m.headers['x-hbc-step'] === 'waiver')).toHaveLength(YEARS.length * 3);

      for (const handle of handles) {
        expect(await handle.result()).toEqual({ periods: 5 });
        // Each period ended its run with continue-as-new: the latest run is not the first.
        const latest = await world.env.client.workflow.getHandle(handle.workflowId).describe();
        expect(latest.runId).not.toBe(handle.firstExecutionRunId);
        const history = await world.env.client.workflow.getHandle(handle.workflowId).fetchHistory();
        expect(history.events?.length ?? 0).toBeLessThan(40);
      }
      await replayAndRecord(world.env.client, 'obligation/obl', 'obligation-last-run-calendar-activity');
      await replayAndRecord(world.env.client, 'deadline/obl.2040', 'deadline-waived-notices-after-update');
    });

    const rows = await world.db.deadline.findMany({ orderBy: { lastDay: 'asc' } });
    expect(rows.map((r) => [r.id, r.lastDay, r.dataFrom, r.status])).toEqual([
      ['obl.2036', '2036-05-01', '2035-12-15', 'waived'],
      ['feb.2036', '2037-02-24', '2035-12-15', 'waived'],
      ['obl.2037', '2037-05-01', '2036-12-15', 'waived'],
      ['feb.2037', '2038-02-24', '2036-12-15', 'waived'],
      ['obl.2038', '2038-05-01', '2037-12-15', 'waived'],
      ['feb.2038', '2039-02-24', '2037-12-15', 'waived'],
      ['obl.2039', '2039-05-01', '2038-12-15', 'waived'],
      ['feb.2039', '2040-02-24', '2038-12-15', 'waived'],
      ['obl.2040', '2040-05-01', '2039-12-15', 'waived'],
      ['feb.2040', '2041-02-24', '2039-12-15', 'waived'],
    ]);
    const opened = await world.db.deadlineEvent.findMany({ where: { type: 'period-opened' } });
    expect(opened).toHaveLength(10);
  }, 240_000); // five years on the time-skipping server: about a minute on 2 cores under load, so the default 60 s is too tight
});
