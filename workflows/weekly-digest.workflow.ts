// One execution per organisation (id `weekly-digest/<organisation>`): sleeps until 08:00 on
// the first working day of the next week (src/domain, with the calendar from the planning
// activity), has the digest sent, and continues as new, so its history stays one week long.
import { continueAsNew, proxyActivities, sleep } from '@temporalio/workflow';
import { nextWeeklyDigestAt } from '../src/domain/weekly-digest';
import type { WeeklyDigestActivities } from '../activities/weekly-digest.activities';
import { loadPlanning } from './planning';

const activities = proxyActivities<WeeklyDigestActivities>({
  startToCloseTimeout: '2 minutes',
  retry: { initialInterval: '10 seconds', backoffCoefficient: 2, maximumInterval: '10 minutes' },
});

export interface WeeklyDigestInput {
  organisationId: string;
}

export async function weeklyDigestWorkflow(input: WeeklyDigestInput): Promise<void> {
  const { calendar } = await loadPlanning();
  const at = nextWeeklyDigestAt(new Date(), calendar);
  await sleep(at.getTime() - Date.now());
  await activities.sendWeeklyDigest({ organisationId: input.organisationId, at: at.toISOString() });
  await continueAsNew<typeof weeklyDigestWorkflow>(input);
}
