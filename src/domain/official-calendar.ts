// The calendar as the government announced it (official-calendar.data.ts) over the computed
// one. For code outside workflows: services, the CLI, tests with an explicit `now`.
// Workflows never import this: they get the overrides from an activity (see
// activities/planning.activities.ts), so that a change to the data applies to steps not
// yet planned while recorded histories replay with what they saw.
import { createBusinessCalendar, type BusinessCalendar, type CalendarOverrides } from './business-calendar';
import { officialOverrides } from './official-calendar.data';

export function officialCalendarOverrides(): CalendarOverrides {
  return officialOverrides;
}

export function officialCalendar(): BusinessCalendar {
  return createBusinessCalendar(officialOverrides);
}
