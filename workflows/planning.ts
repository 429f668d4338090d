// What a workflow plans its steps with: the business calendar and the reminder policy.
// Executions that reach a planning point from now on ask the `planningContext` local
// activity (the result is recorded in their history); histories recorded before that
// change replay with the calendar the bundle held when they ran, frozen below, and the
// default policy. Remove the frozen branch with deprecatePatch once no execution started
// before November 2026 can replay (docs/operations.md "Upgrading running workflows").
import { patched, proxyLocalActivities } from '@temporalio/workflow';
import type { PlanningContext } from '../src/contract/messages';
import { createBusinessCalendar, type BusinessCalendar, type CalendarOverrides } from '../src/domain/business-calendar';
import { defaultReminderPolicy, type ReminderPolicy } from '../src/domain/timeline';
import type { PlanningActivities } from '../activities/planning.activities';

const local = proxyLocalActivities<PlanningActivities>({
  startToCloseTimeout: '10 seconds',
  retry: { initialInterval: '1 second', maximumInterval: '1 minute' },
});

export const CALENDAR_PATCH = 'calendar-from-activity';

/** The official data exactly as bundled until this change (src/domain/official-calendar.data.ts then). Never edit. */
const AS_BUNDLED_UNTIL_2026_11: CalendarOverrides = {
  years: {
    '2025': {
      tetDaysOff: ['2025-01-27', '2025-01-28', '2025-01-29', '2025-01-30', '2025-01-31'],
      extraDaysOff: [{ date: '2025-05-02', name: 'Nghỉ hoán đổi dịp 30/4 – 1/5' }],
      workingWeekendDays: ['2025-02-15', '2025-04-26'],
    },
  },
};

export interface Planning {
  calendar: BusinessCalendar;
  policy: ReminderPolicy;
}

export async function loadPlanning(input: { deadlineId?: string } = {}): Promise<Planning> {
  if (!patched(CALENDAR_PATCH)) return { calendar: createBusinessCalendar(AS_BUNDLED_UNTIL_2026_11), policy: defaultReminderPolicy };
  const context: PlanningContext = await local.planningContext(input);
  return { calendar: createBusinessCalendar(context.calendar), policy: context.policy ?? defaultReminderPolicy };
}
